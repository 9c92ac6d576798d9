import Yams

/// A YAML node as the content parsers read it: a scalar's text, a mapping's
/// pairs in document order, or a sequence, each with the place it starts.
/// `YAMLSource.compose` makes it, from Yams' nodes or, for the common front
/// matter, straight from the text (`FrontMatterYAML`); the parsers never see
/// which.
struct YAMLNode: Sendable, Equatable {
    enum Content: Sendable, Equatable {
        case scalar(String)
        case mapping([Pair])
        case sequence([YAMLNode])
    }

    struct Pair: Sendable, Equatable {
        var key: YAMLNode
        var value: YAMLNode
    }

    var content: Content
    /// Where the node starts in the YAML text, as libyaml counts.
    var mark: YAMLMark

    /// A scalar's text as written (not trimmed); nil for mappings and sequences.
    var string: String? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    var mapping: [Pair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The text of a scalar, trimmed; nil for mappings and sequences.
    var text: String? { string.map { $0.trimmingWhitespace() } }

    /// Mapping pairs in document order with string keys ("" for a key that
    /// is not a scalar).
    var pairs: [(key: String, keyNode: YAMLNode, value: YAMLNode)]? {
        guard let mapping else { return nil }
        return mapping.map { (key: $0.key.text ?? "", keyNode: $0.key, value: $0.value) }
    }
}

/// 1-based line of the YAML text and 1-based column in Unicode scalars (the
/// values of Yams' `Mark`).
struct YAMLMark: Sendable, Equatable {
    var line: Int
    var column: Int
}

extension YAMLNode {
    /// Yams' node, with aliases already resolved by its composer.
    init(_ node: Node) {
        let mark = node.mark.map { YAMLMark(line: $0.line, column: $0.column) } ?? YAMLMark(line: 1, column: 1)
        switch node {
        case .scalar(let scalar):
            self.init(content: .scalar(scalar.string), mark: mark)
        case .mapping(let mapping):
            self.init(content: .mapping(mapping.map { Pair(key: YAMLNode($0.key), value: YAMLNode($0.value)) }), mark: mark)
        case .sequence(let sequence):
            self.init(content: .sequence(sequence.map { YAMLNode($0) }), mark: mark)
        case .alias:
            // The composer replaces aliases by the node they name.
            self.init(content: .scalar(""), mark: mark)
        }
    }
}
