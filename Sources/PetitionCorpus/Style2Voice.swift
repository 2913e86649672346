/// Who is speaking in a style-2 text. It decides how {me} and {my} read.
enum Style2Voice: Sendable {
    /// A citizen writing for himself or herself: 我, 本人, 俺 (in the north).
    case citizen
    /// Petitioners writing jointly: 我们, 大伙.
    case citizenGroup
    /// A clerk recording one petitioner: 其, 来访人, 该人, the name.
    case clerk
    /// A clerk recording a group: 他们, 这些业主, 来访群众.
    case clerkGroup
    /// The official wording of a backlog case: 当事人, 群众.
    case official

    var isCitizen: Bool { self == .citizen || self == .citizenGroup }
    var isGroup: Bool { self == .citizenGroup || self == .clerkGroup }
}
