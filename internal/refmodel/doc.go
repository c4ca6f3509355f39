// Package refmodel holds syllobench's reference reasoners: deterministic
// "models" that read a prompt written by internal/prompt back into its
// question (see [Read]) and answer it in natural text ending with an
// answer line (see [All] and [ByName]).
//
//   - ref-logic answers with internal/logic and is right on every item.
//   - ref-belief answers by the world truth of the conclusion (the
//     lexicon's taxonomy), falling back to logic when it has none.
//   - ref-coin answers uniformly at random, seeded by an FNV-1a hash of
//     the prompt.
//   - ref-atmosphere, ref-matching and ref-conversion are the classic
//     content-blind theories of syllogistic reasoning. Their predictions
//     for the 64 premise pairs are CCOBRA's published tables (embedded
//     from ccobra/); the rules as the papers state them are kept in
//     heuristics.go for documentation and are tested against the tables.
//   - ref-human answers choice questions on the 64 premise pairs by
//     sampling the answers of Ragni et al.'s (2016) 139 participants for
//     the pair (package human), so its answers have the human response
//     distribution; it declines every other kind of question
//     (ErrNotApplicable).
//
// Every choice among several admissible answers, ref-human's draw, and
// the reply style, is made from a hash of the prompt, so a reasoner's
// reply to a prompt never changes.
package refmodel
