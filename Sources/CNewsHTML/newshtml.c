#include "newshtml.h"

#include <stdlib.h>
#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlversion.h>

struct nhtml_doc {
    htmlDocPtr doc;
    xmlNodePtr *nodes;
    int32_t *parent;
    int32_t *end;
    int32_t count;
    int32_t capacity;
};

static int push(nhtml_doc *d, xmlNodePtr node, int32_t parent) {
    if (d->count == d->capacity) {
        int32_t cap = d->capacity ? d->capacity * 2 : 1024;
        xmlNodePtr *n = realloc(d->nodes, sizeof *n * (size_t)cap);
        if (!n) return -1;
        d->nodes = n;
        int32_t *p = realloc(d->parent, sizeof *p * (size_t)cap);
        if (!p) return -1;
        d->parent = p;
        int32_t *e = realloc(d->end, sizeof *e * (size_t)cap);
        if (!e) return -1;
        d->end = e;
        d->capacity = cap;
    }
    d->nodes[d->count] = node;
    d->parent[d->count] = parent;
    d->end[d->count] = d->count + 1;
    return d->count++;
}

/// Flattens the tree under `root` in document order, without recursion (broken pages can nest deeply).
static int flatten(nhtml_doc *d, xmlNodePtr root) {
    xmlNodePtr node = root;
    int32_t parent = -1;
    while (node) {
        int kind = node->type;
        int32_t index = -1;
        if (kind == XML_ELEMENT_NODE || kind == XML_TEXT_NODE || kind == XML_CDATA_SECTION_NODE) {
            index = push(d, node, parent);
            if (index < 0) return -1;
        }
        if (kind == XML_ELEMENT_NODE && node->children) {
            parent = index;
            node = node->children;
            continue;
        }
        // Climb until a next sibling exists, closing the subtrees left behind.
        while (node != root && !node->next) {
            node = node->parent;
            d->end[parent] = d->count;
            parent = d->parent[parent];
        }
        if (node == root) break;
        node = node->next;
    }
    return 0;
}

nhtml_doc *nhtml_parse(const uint8_t *bytes, int64_t length, const char *encoding) {
    if (length < 0 || length > INT32_MAX) return NULL;
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET
                | HTML_PARSE_COMPACT;
    // A given encoding wins over the page's own <meta charset> (the caller has already read that).
    if (encoding) options |= HTML_PARSE_IGNORE_ENC;
    htmlDocPtr doc = htmlReadMemory((const char *)bytes, (int)length, NULL, encoding, options);
    if (!doc) return NULL;
    nhtml_doc *d = calloc(1, sizeof *d);
    if (!d) { xmlFreeDoc(doc); return NULL; }
    d->doc = doc;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (root && flatten(d, root) != 0) { nhtml_free(d); return NULL; }
    return d;
}

void nhtml_free(nhtml_doc *d) {
    if (!d) return;
    if (d->doc) xmlFreeDoc(d->doc);
    free(d->nodes);
    free(d->parent);
    free(d->end);
    free(d);
}

int32_t nhtml_count(const nhtml_doc *d) { return d->count; }

int32_t nhtml_kind(const nhtml_doc *d, int32_t i) {
    return d->nodes[i]->type == XML_ELEMENT_NODE ? NHTML_ELEMENT : NHTML_TEXT;
}

int32_t nhtml_parent(const nhtml_doc *d, int32_t i) { return d->parent[i]; }
int32_t nhtml_end(const nhtml_doc *d, int32_t i) { return d->end[i]; }

static const uint8_t *with_length(const xmlChar *s, int32_t *length) {
    if (!s) { *length = 0; return NULL; }
    *length = (int32_t)strlen((const char *)s);
    return (const uint8_t *)s;
}

const uint8_t *nhtml_name(const nhtml_doc *d, int32_t i, int32_t *length) {
    xmlNodePtr n = d->nodes[i];
    return with_length(n->type == XML_ELEMENT_NODE ? n->name : NULL, length);
}

const uint8_t *nhtml_text(const nhtml_doc *d, int32_t i, int32_t *length) {
    xmlNodePtr n = d->nodes[i];
    return with_length(n->type == XML_ELEMENT_NODE ? NULL : n->content, length);
}

const uint8_t *nhtml_attribute(const nhtml_doc *d, int32_t i, const char *name, int32_t *length) {
    xmlNodePtr n = d->nodes[i];
    *length = 0;
    if (n->type != XML_ELEMENT_NODE) return NULL;
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        if (a->name && strcmp((const char *)a->name, name) == 0) {
            // An attribute's value is its text children; HTML attributes have one (or none: empty value).
            if (!a->children) return (const uint8_t *)"";
            if (a->children->next == NULL && a->children->content) return with_length(a->children->content, length);
            return (const uint8_t *)"";
        }
    }
    return NULL;
}

const char *nhtml_version(void) { return LIBXML_VERSION_STRING; }
