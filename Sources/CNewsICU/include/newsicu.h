// newsicu: the few ICU services newsnlp uses, behind a header that exposes <stdint.h> types only.
//
// Swift modules that import Foundation cannot also see ICU's headers on this toolchain (Foundation carries
// its own ICU), so ICU is reached only through these functions. All text is UTF-8 and all offsets are
// UTF-8 byte offsets into the caller's buffer.
#ifndef NEWSICU_H
#define NEWSICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An ICU break iterator bound to a UTF-8 text. Not thread-safe; open (or clone) one per thread.
typedef struct nicu_breaker nicu_breaker;

enum { NICU_WORD = 0, NICU_SENTENCE = 1 };

/// Opens a break iterator of `kind` (NICU_WORD or NICU_SENTENCE) for `locale` ("fr", "en", "root").
/// Returns NULL on failure and sets *error to the ICU error code.
nicu_breaker *nicu_open(int32_t kind, const char *locale, int32_t *error);
/// Returns an independent copy of `b` (cheaper than opening a new one), or NULL.
nicu_breaker *nicu_clone(const nicu_breaker *b, int32_t *error);
void nicu_close(nicu_breaker *b);

/// Binds `b` to `length` bytes of UTF-8 at `text` (not copied: the buffer must outlive the iteration).
/// Returns 0 or an ICU error code.
int32_t nicu_set_text(nicu_breaker *b, const uint8_t *text, int64_t length);

/// Writes the next boundaries after the current position (byte offsets, ascending) into `bounds` and
/// the rule status of the segment that ends there into `status` (may be NULL), at most `capacity` of them.
/// Returns how many were written; 0 at the end of the text. The first call after nicu_set_text starts at 0
/// (the boundary at 0 itself is not reported).
int32_t nicu_next_boundaries(nicu_breaker *b, int64_t *bounds, int32_t *status, int32_t capacity);

/// Folds `length` bytes of UTF-8 for matching: case folding, canonical decomposition, combining marks
/// removed, typographic apostrophes unified to U+0027. Writes UTF-8 into `out` and returns its length,
/// or -(needed length) if `capacity` is too small, or INT32_MIN on invalid input.
int32_t nicu_fold(const uint8_t *text, int32_t length, uint8_t *out, int32_t capacity);

/// General category of a code point (ICU UCharCategory values) and a few properties.
int32_t nicu_category(uint32_t c);
int32_t nicu_is_alphabetic(uint32_t c);
int32_t nicu_is_uppercase(uint32_t c);
int32_t nicu_is_lowercase(uint32_t c);
int32_t nicu_is_white_space(uint32_t c);
int32_t nicu_is_emoji(uint32_t c);

/// The ICU version, as "72.1".
const char *nicu_version(void);

#ifdef __cplusplus
}
#endif
#endif
