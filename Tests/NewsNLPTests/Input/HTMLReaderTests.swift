import Testing
import NewsNLP

/// A news page around `article`: cookie banner, menu, share bar, related links, comments, footer, script, style.
private func page(_ article: String, head: String = "<meta charset=\"utf-8\"><title>Le conseil vote le budget | La Gazette</title>") -> String {
    """
    <!DOCTYPE html><html><head>\(head)<style>p { color: red }</style><script>var s = "<p>script text</p>";</script></head>
    <body>
    <div class="cookie-banner"><p>Ce site utilise des cookies pour améliorer votre expérience de lecture et mesurer l'audience.</p><button>Accepter</button></div>
    <nav><ul><li><a href="/">Accueil</a></li><li><a href="/politique">Politique</a></li><li><a href="/sport">Sport</a></li></ul></nav>
    <div class="container"><div class="main-column">
    <div class="social-share"><a href="#">Partager sur Facebook</a> <a href="#">Partager sur Twitter</a></div>
    \(article)
    <div class="related-stories"><h3>Sur le même sujet</h3><ul><li><a href="/a">Le maire présente ses vœux aux habitants de la commune</a></li><li><a href="/b">La piscine municipale rouvre ses portes après deux ans de travaux</a></li></ul></div>
    <div id="comments"><div class="comment"><p>Encore des impôts en plus pour les mêmes, comme chaque année, et personne ne dit rien, c'est toujours la même chose.</p></div></div>
    </div><div class="sidebar"><p>Les plus lus de la semaine, les plus commentés, les plus partagés sur les réseaux sociaux.</p></div></div>
    <footer><p>© La Gazette. Tous droits réservés.</p></footer>
    </body></html>
    """
}

private let story = """
<article><h1>Le conseil vote le budget</h1>
<p>Le conseil municipal a adopté mardi soir le budget de la commune pour l'année prochaine, après un débat de trois heures.</p>
<p>La majorité a voté pour, l'opposition contre, et deux élus se sont abstenus, jugeant les investissements trop faibles.</p>
<h2>Des travaux dans les écoles</h2>
<p>Le budget prévoit la rénovation de deux écoles, la réfection de la voirie du centre et un nouveau gymnase.</p>
<ul><li>École Jules-Ferry : toiture et isolation</li><li>École du Port : cantine agrandie</li></ul>
<blockquote><p>Nous tenons nos engagements sans augmenter les impôts, a déclaré le maire devant les élus.</p></blockquote>
</article>
"""

private let storyBody = """
Le conseil municipal a adopté mardi soir le budget de la commune pour l'année prochaine, après un débat de trois heures.

La majorité a voté pour, l'opposition contre, et deux élus se sont abstenus, jugeant les investissements trop faibles.

Des travaux dans les écoles

Le budget prévoit la rénovation de deux écoles, la réfection de la voirie du centre et un nouveau gymnase.

École Jules-Ferry : toiture et isolation

École du Port : cantine agrandie

Nous tenons nos engagements sans augmenter les impôts, a déclaré le maire devant les élus.
"""

/// The Latin-1 bytes of a text written in Latin-1's letters.
private func latin1(_ s: String) -> [UInt8] { s.unicodeScalars.map { UInt8($0.value) } }

private func read(_ html: String) throws -> HTMLArticle {
    try HTMLReader.read(Array(html.utf8), name: "page.html")
}

private func read(bytes: [UInt8]) throws -> HTMLArticle {
    try HTMLReader.read(bytes, name: "page.html")
}

@Suite("HTML reader")
struct HTMLReaderTests {
    @Test func keepsTheArticleInOrderAndDropsTheFurniture() throws {
        let a = try read(page(story))
        #expect(a.body == storyBody)
        for furniture in ["cookies", "Accueil", "Partager", "même sujet", "impôts en plus", "plus lus", "droits réservés", "script"] {
            #expect(!a.text.contains(furniture), "\(furniture)")
        }
        // The headline is the title, once, then the body.
        #expect(a.title == "Le conseil vote le budget")
        #expect(a.text == "Le conseil vote le budget\n\n" + a.body)
    }

    @Test func metadataFromJSONLDOpenGraphAndTime() throws {
        let head = """
        <meta charset="utf-8"><title>Budget | La Gazette</title>
        <meta property="og:title" content="Le conseil vote le budget">
        <meta property="article:published_time" content="2024-03-05T20:00:00+01:00">
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"x"},
          {"@type":"NewsArticle","headline":"Le conseil vote le budget","author":[{"@type":"Person","name":"Anne Martin"},{"@type":"Person","name":"Paul Roux"}],"datePublished":"2024-03-05T19:30:00+01:00"}]}</script>
        """
        let a = try read(page(story, head: head))
        #expect(a.title == "Le conseil vote le budget")
        #expect(a.author == "Anne Martin, Paul Roux")
        #expect(a.date == "2024-03-05T19:30:00+01:00")

        // Without JSON-LD: the <meta> tags, then <time>; a title without its site name.
        let plain = try read(page(story.replacingOccurrences("<h1>Le conseil vote le budget</h1>", "<time datetime=\"2024-03-06\">6 mars</time>"),
                                  head: "<meta charset=\"utf-8\"><title>Le conseil vote le budget | La Gazette</title><meta name=\"author\" content=\"Anne Martin\">"))
        #expect(plain.title == "Le conseil vote le budget")
        #expect(plain.author == "Anne Martin")
        #expect(plain.date == "2024-03-06")
    }

    @Test func declaredAndUndeclaredEncodings() throws {
        let latin = "<p>Le député a évoqué la fermeture de l'usine de Bézier, où travaillent trois cents salariés depuis des décennies.</p>"
        let cp1252 = latin1(latin)
        // Declared as Latin-1 (the web reads it as Windows-1252), then undeclared.
        for head in ["<meta charset=\"iso-8859-1\">", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">", ""] {
            let bytes = Array("<html><head>\(head)</head><body>".utf8) + cp1252 + Array("</body></html>".utf8)
            let a = try read(bytes: bytes)
            #expect(a.body.contains("Le député a évoqué la fermeture de l'usine de Bézier"), "\(head)")
            #expect(a.encoding.hasPrefix("windows-1252"))
        }
        // Windows-1252 punctuation (0x92 is a right single quote, 0x85 an ellipsis).
        let quotes = Array("<html><body><p>L".utf8) + [0x92] + latin1("élu a parlé longuement devant le conseil de la commune") + [0x85] + Array("</p></body></html>".utf8)
        #expect(try read(bytes: quotes).body == "L\u{2019}élu a parlé longuement devant le conseil de la commune\u{2026}")
        // A byte-order mark, and a UTF-8 page that declares nothing.
        #expect(try read(bytes: [0xEF, 0xBB, 0xBF] + Array("<html><body>\(latin)</body></html>".utf8)).body.contains("Bézier"))
        #expect(try read("<html><body>\(latin)</body></html>").encoding == "UTF-8")
        // UTF-16 with its mark.
        let units: [UInt8] = "<html><body>\(latin)</body></html>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let utf16: [UInt8] = [0xFF, 0xFE] + units
        #expect(try read(bytes: utf16).body.contains("Bézier"))
        // A UTF-8 page with one stray Latin-1 byte keeps its UTF-8 letters.
        let stray = Array("<html><head><meta charset=\"utf-8\"></head><body><p>Éric a visité l'usine de Bézier, ".utf8) + [0xE9] + Array(" puis il est reparti vers la préfecture en fin d'après-midi.</p></body></html>".utf8)
        let s = try read(bytes: stray)
        #expect(s.body.contains("Éric a visité l'usine de Bézier, \u{FFFD} puis il est reparti vers la préfecture"))
    }

    @Test func brokenMarkup() throws {
        // Unclosed paragraphs and divs, a stray end tag, no <html>, <head> or <body>, an unquoted attribute.
        let html = """
        <title>Panne géante</title><div class=story><p>Une panne géante a privé d'électricité plusieurs quartiers de la ville pendant la nuit de lundi.
        <p>Les équipes techniques sont intervenues vers trois heures du matin</div></span> pour rétablir le courant, selon la mairie.
        <p>Un incident sur un transformateur serait à l'origine de la coupure, d'après les premiers éléments de l'enquête.
        """
        let a = try read(html)
        #expect(a.body.hasPrefix("Une panne géante a privé d'électricité plusieurs quartiers"))
        #expect(a.body.contains("Les équipes techniques sont intervenues vers trois heures du matin"))
        #expect(a.body.hasSuffix("d'après les premiers éléments de l'enquête."))
        #expect(a.title == "Panne géante")
    }

    @Test func badPages() throws {
        func failure(_ bytes: [UInt8]) -> String? {
            do { _ = try read(bytes: bytes); return nil } catch let e as NewsNLPError {
                #expect(e.code == .invalidData)
                return e.problem
            } catch { return "\(error)" }
        }
        #expect(failure(Array("<html><head><title>Vide</title></head><body>  </body></html>".utf8))?.contains("body is empty") == true)
        let menu = "<html><body><nav><a href=/>Accueil</a></nav><ul><li><a href=/a>Politique</a></li><li><a href=/b>Économie</a></li><li><a href=/c>Culture</a></li></ul></body></html>"
        #expect(failure(Array(menu.utf8))?.contains("navigation, links") == true)
        #expect(failure([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00])?.contains("binary data (an ELF executable)") == true)
        // NUL bytes among bytes that are not UTF-8: binary; NUL bytes in valid UTF-8 text: odd text, read.
        #expect(failure([0x3C, 0x70, 0x3E, 0x00, 0x00, 0x91, 0xF3, 0x12, 0x00, 0xC8, 0x3A, 0x9C, 0x00, 0x41, 0x42])?.contains("binary data, not text or HTML (a NUL byte at offset 3") == true)
        #expect(try read(bytes: Array("<p>Le maire a parlé longuement du budget de la commune.\u{0}</p>".utf8)).body.hasPrefix("Le maire a parlé"))
        #expect(failure(Array("PK\u{03}\u{04}\u{14}\u{00}\u{06}\u{00}[Content_Types].xml word/document.xml".utf8))?.contains("Word document (.docx") == true)
        #expect(failure(Array("PK\u{03}\u{04}\u{14}\u{00}mimetypeapplication/vnd.oasis.opendocument.text".utf8))?.contains("OpenDocument text (.odt") == true)
        // Empty input is an empty document, not an error.
        #expect(try read("").text == "")
        #expect(try read(" \n").text == "")
    }

    @Test func inputByContent() {
        #expect(InputSniffer.kind(of: Array("\u{FEFF}  <!-- saved -->\n<!DOCTYPE html><html>".utf8), name: "a.txt") == .html)
        #expect(InputSniffer.kind(of: Array("<html lang=fr><body>".utf8), name: nil) == .html)
        #expect(InputSniffer.kind(of: Array("Le <b>maire</b> a parlé.".utf8), name: "a.txt") == .text)
        #expect(InputSniffer.kind(of: Array("Le maire a parlé.".utf8), name: "a.HTM") == .html)
        if case .refused(let why) = InputSniffer.kind(of: Array("%PDF-1.7".utf8), name: "a.txt") { #expect(why.contains("PDF")) } else { Issue.record("PDF not refused") }
    }

    @Test func hiddenElementsAndLinkOnlyParagraphs() throws {
        let article = """
        <div class="post"><p>Le tribunal a condamné l'entreprise à une amende de deux millions d'euros pour pollution de la rivière.</p>
        <p style="display: none">Texte caché que personne ne voit sur la page et qui ne fait pas partie de l'article.</p>
        <p hidden>Un autre texte caché, présent dans le code de la page mais jamais affiché aux lecteurs.</p>
        <p><a href="/x">Lire aussi : la rivière polluée depuis des années par les rejets de l'usine</a></p>
        <p>L'entreprise a annoncé qu'elle ferait appel de la décision, qu'elle juge disproportionnée au regard des faits.</p></div>
        """
        let a = try read(page(article))
        #expect(a.body == """
        Le tribunal a condamné l'entreprise à une amende de deux millions d'euros pour pollution de la rivière.

        L'entreprise a annoncé qu'elle ferait appel de la décision, qu'elle juge disproportionnée au regard des faits.
        """)
    }
}

private extension String {
    func replacingOccurrences(_ a: String, _ b: String) -> String { split(separator: a, omittingEmptySubsequences: false).joined(separator: b) }
}
