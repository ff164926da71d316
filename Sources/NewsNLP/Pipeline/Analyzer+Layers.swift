extension Analyzer {
    /// The layers after segmentation, each reading what the ones before it added.
    func runLayers(_ document: inout Document) {
        _ = options.layers
    }
}
