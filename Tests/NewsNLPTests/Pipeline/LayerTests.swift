import Testing
import NewsNLP

/// The layers' declaration: what each reads, the order they run in, what the report shows.
struct LayerTests {
    typealias Layer = AnalysisOptions.Layer

    @Test func everyLayerComesAfterWhatItRequires() {
        let order = Layer.allCases
        for layer in order {
            for r in layer.requires {
                #expect(order.firstIndex(of: r)! < order.firstIndex(of: layer)!, "\(layer) requires \(r)")
            }
        }
    }

    @Test func aRequestRunsItsLayersAndWhatTheyReadOnly() {
        #expect(Layer.schedule([]) == [])
        #expect(Layer.schedule([.entities]) == [.entities])
        #expect(Layer.schedule([.quotes]) == [.entities, .quotes])
        #expect(Layer.schedule([.tone]) == [.entities, .quotes, .tone])
        #expect(Layer.schedule([.summary]) == [.entities, .summary])
        #expect(Layer.schedule(Set(Layer.allCases)) == Layer.allCases)
    }

    /// The report content of each command follows from the layers it asks for.
    @Test func reportContentFollowsTheLayers() {
        #expect(ReportContent(layers: []) == [.sentences])
        #expect(ReportContent(layers: [], tokens: true) == [.sentences, .tokens])
        #expect(ReportContent(layers: [.entities]) == [.sentences, .entities])
        #expect(ReportContent(layers: [.quotes]) == [.sentences, .entities, .quotes])
        #expect(ReportContent(layers: [.tone]) == [.sentences, .entities, .tone])
        #expect(ReportContent(layers: [.summary]) == [.sentences, .summary])
        #expect(ReportContent(layers: Set(Layer.allCases)) == .standard)
    }

    /// Layers that were not asked for stay empty: a summary request runs entities (it reads their salience) but
    /// neither quotes nor tone.
    @Test func unrequestedLayersDoNotRun() {
        let text = "« Nous ne céderons pas », a déclaré Emmanuel Macron mardi à Paris. Le projet est un échec terrible."
        let d = Analyzer(options: AnalysisOptions(language: .french, layers: [.summary])).analyze(text)
        #expect(d.summary != nil)
        #expect(!d.entities.isEmpty)
        #expect(d.quotes.isEmpty)
        #expect(d.tone == nil)
    }
}
