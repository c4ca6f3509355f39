// Package human sets a model's answers beside people's: per-pair
// accuracy and its correlation with people's, agreement with the most
// frequent human answer, which theory predicts the model's answers best,
// and the well-known human error patterns. The data it compares with
// (the human studies and the theories' tables) are package ccobra's.
package human
