// newshtml: libxml2's HTML parser behind a header that exposes <stdint.h> types only.
//
// A page is parsed once (forgiving broken markup, never touching the network) and its tree flattened into
// document order: element and text nodes, each with its parent and the end of its subtree, so that Swift
// walks plain indices. Names, texts and attribute values are UTF-8, owned by the document.
#ifndef NEWSHTML_H
#define NEWSHTML_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct nhtml_doc nhtml_doc;

enum { NHTML_ELEMENT = 1, NHTML_TEXT = 3 };

/// Parses `length` bytes of HTML. `encoding` is the page's character set ("UTF-8", "windows-1252", …) or NULL to
/// let libxml2 find it. Returns NULL when libxml2 produced no document at all (or cannot use the encoding).
nhtml_doc *nhtml_parse(const uint8_t *bytes, int64_t length, const char *encoding);
void nhtml_free(nhtml_doc *doc);

/// Nodes in document order (the root element is node 0 when there is one).
int32_t nhtml_count(const nhtml_doc *doc);
/// NHTML_ELEMENT or NHTML_TEXT (CDATA, as script content, counts as text).
int32_t nhtml_kind(const nhtml_doc *doc, int32_t i);
/// The parent's index, or -1.
int32_t nhtml_parent(const nhtml_doc *doc, int32_t i);
/// The index after the last node of i's subtree.
int32_t nhtml_end(const nhtml_doc *doc, int32_t i);
/// An element's name (lower case, as the HTML parser gives it); NULL for text.
const uint8_t *nhtml_name(const nhtml_doc *doc, int32_t i, int32_t *length);
/// A text node's content; NULL for elements.
const uint8_t *nhtml_text(const nhtml_doc *doc, int32_t i, int32_t *length);
/// The value of an element's attribute `name` (ASCII, lower case), or NULL when it has none.
const uint8_t *nhtml_attribute(const nhtml_doc *doc, int32_t i, const char *name, int32_t *length);

/// The libxml2 version, as "20914".
const char *nhtml_version(void);

#ifdef __cplusplus
}
#endif
#endif
