/// The wording a corpus is written in. The world (matters, classes, backlog cases, hard negatives and
/// the ground truth) is the same for every style; only titles, contents and backlog texts differ.
enum PhrasingStyle: Int, Sendable {
    /// The original clerk templates (Problems.swift, Render.swift). The repeat detector was tuned on
    /// these, and the same --petitions and --seed must keep giving byte-identical files.
    case original = 1
    /// Wording written independently of style 1 (the Style2*.swift files), used to measure the detector
    /// on text it was never tuned on. It shares no template, synonym list or title pattern with style 1.
    case independent = 2
}
