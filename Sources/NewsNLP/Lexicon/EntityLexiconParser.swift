/// One row of an entity lexicon (`Lexicons/entities/*.tsv`, format in `Lexicons/FORMAT.md`).
public struct EntityEntry: Sendable {
    public var id: String
    public var type: EntityType
    public var name: String
    public var aliases: [String]
    public var gender: Character?
    public var roles: [String]
    public var affiliation: String
    /// The English name where it differs from `name` (empty otherwise).
    public var english: String = ""
}

/// Reads entity lexicon files, reporting a malformed line with its file and line number.
public enum EntityLexiconParser {
    public static func parse(_ file: LexiconFile) throws -> [EntityEntry] {
        var out: [EntityEntry] = []
        for (line, fields) in file.rows() {
            func fail(_ why: String) -> NewsNLPError {
                NewsNLPError(.invalidData, file: "\(file.origin):\(line)", "malformed entity line: \(why) (format: id<TAB>type<TAB>name<TAB>aliases<TAB>gender<TAB>roles<TAB>affiliation<TAB>english)")
            }
            guard fields.count >= 3 else { throw fail("\(fields.count) field\(fields.count == 1 ? "" : "s"), at least 3 needed (id, type, name)") }
            guard fields.count <= 8 else { throw fail("\(fields.count) fields, at most 8") }
            let id = String(fields[0].trimmingSpaces())
            guard !id.isEmpty, id.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }) else {
                throw fail("the id \"\(id)\" must be lower-case ASCII letters, digits and '-'")
            }
            guard let type = EntityType(rawValue: String(fields[1].trimmingSpaces())) else {
                throw fail("unknown type \"\(fields[1])\" (PER, ORG, LOC or MISC)")
            }
            let name = String(fields[2].trimmingSpaces())
            guard !name.isEmpty else { throw fail("empty name") }
            let aliases = fields.count > 3 ? LexiconFile.list(fields[3]) : []
            var gender: Character?
            if fields.count > 4 {
                let g = fields[4].trimmingSpaces()
                switch g {
                case "": gender = nil
                case "m", "f": gender = g.first
                default: throw fail("gender \"\(g)\" must be m, f or empty")
                }
            }
            let roles = fields.count > 5 ? LexiconFile.list(fields[5]) : []
            let affiliation = fields.count > 6 ? String(fields[6].trimmingSpaces()) : ""
            let english = fields.count > 7 ? String(fields[7].trimmingSpaces()) : ""
            out.append(EntityEntry(id: id, type: type, name: name, aliases: aliases, gender: gender, roles: roles, affiliation: affiliation, english: english))
        }
        return out
    }
}
