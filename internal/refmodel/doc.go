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
//   - ref-acceptance has an acceptance bias that real content sets off:
//     when the prompt's terms are categories of the lexicon's taxonomy
//     it accepts whatever it is asked ("yes" and "true", whatever the
//     logic and whatever the world; on a choice question a conclusion,
//     one that follows if any does, never "None of these conclusions
//     follows."); on letters and nonsense words it answers like
//     ref-logic. Unlike ref-belief its
//     verdicts do not depend on the conclusion's truth in the world, so
//     its belief index is 0: the belief probe fails it on the invalid
//     cells, not on the index.
//
// Every choice among several admissible answers, ref-human's draw, and
// the reply style, is made from a hash of the prompt, so a reasoner's
// reply to a prompt never changes.
package refmodel
