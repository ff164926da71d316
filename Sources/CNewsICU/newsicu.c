#include "newsicu.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/uchar.h>
#include <unicode/uversion.h>

struct nicu_breaker {
    UBreakIterator *iterator;
    UText *text;
    int done;
};

nicu_breaker *nicu_open(int32_t kind, const char *locale, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_open(kind == NICU_SENTENCE ? UBRK_SENTENCE : UBRK_WORD, locale, NULL, 0, &status);
    if (U_FAILURE(status)) {
        if (error) *error = status;
        return NULL;
    }
    nicu_breaker *b = calloc(1, sizeof *b);
    if (!b) {
        ubrk_close(it);
        if (error) *error = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    b->iterator = it;
    b->done = 1;
    if (error) *error = 0;
    return b;
}

nicu_breaker *nicu_clone(const nicu_breaker *source, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_clone(source->iterator, &status);
    if (U_FAILURE(status)) {
        if (error) *error = status;
        return NULL;
    }
    nicu_breaker *b = calloc(1, sizeof *b);
    if (!b) {
        ubrk_close(it);
        if (error) *error = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    b->iterator = it;
    b->done = 1;
    if (error) *error = 0;
    return b;
}

void nicu_close(nicu_breaker *b) {
    if (!b) return;
    ubrk_close(b->iterator);
    if (b->text) utext_close(b->text);
    free(b);
}

int32_t nicu_set_text(nicu_breaker *b, const uint8_t *text, int64_t length) {
    UErrorCode status = U_ZERO_ERROR;
    static const char empty[1] = {0};
    b->text = utext_openUTF8(b->text, text ? (const char *)text : empty, length, &status);
    if (U_FAILURE(status)) return status;
    ubrk_setUText(b->iterator, b->text, &status);
    if (U_FAILURE(status)) return status;
    ubrk_first(b->iterator);
    b->done = 0;
    return 0;
}

int32_t nicu_next_boundaries(nicu_breaker *b, int64_t *bounds, int32_t *status, int32_t capacity) {
    int32_t n = 0;
    if (b->done) return 0;
    while (n < capacity) {
        int32_t next = ubrk_next(b->iterator);
        if (next == UBRK_DONE) {
            b->done = 1;
            break;
        }
        bounds[n] = next;
        if (status) status[n] = ubrk_getRuleStatus(b->iterator);
        n++;
    }
    return n;
}

// Folding: UTF-8 -> UTF-16, case fold, NFD, drop U+0300..U+036F, apostrophes unified, -> UTF-8.
int32_t nicu_fold(const uint8_t *text, int32_t length, uint8_t *out, int32_t capacity) {
    UChar small1[256], small2[512];
    UChar *u1 = small1, *u2 = small2;
    int32_t cap1 = 256, cap2 = 512;
    int32_t result = INT32_MIN;
    UErrorCode status = U_ZERO_ERROR;
    int32_t n1 = 0;
    u_strFromUTF8(u1, cap1, &n1, (const char *)text, length, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        cap1 = n1 + 1;
        u1 = malloc(sizeof(UChar) * cap1);
        status = U_ZERO_ERROR;
        u_strFromUTF8(u1, cap1, &n1, (const char *)text, length, &status);
    }
    if (U_FAILURE(status)) goto done;
    int32_t n2 = u_strFoldCase(u2, cap2, u1, n1, U_FOLD_CASE_DEFAULT, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        cap2 = n2 * 3 + 1;
        u2 = malloc(sizeof(UChar) * cap2);
        status = U_ZERO_ERROR;
        n2 = u_strFoldCase(u2, cap2, u1, n1, U_FOLD_CASE_DEFAULT, &status);
    }
    if (U_FAILURE(status)) goto done;
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&status);
    if (U_FAILURE(status)) goto done;
    // Decompose into u1 (reuse): make room first.
    int32_t need = unorm2_normalize(nfd, u2, n2, NULL, 0, &status);
    status = U_ZERO_ERROR;
    if (need + 1 > cap1) {
        if (u1 != small1) free(u1);
        cap1 = need + 1;
        u1 = malloc(sizeof(UChar) * cap1);
    }
    n1 = unorm2_normalize(nfd, u2, n2, u1, cap1, &status);
    if (U_FAILURE(status)) goto done;
    int32_t k = 0;
    for (int32_t i = 0; i < n1; i++) {
        UChar c = u1[i];
        if (c >= 0x0300 && c <= 0x036F) continue;
        if (c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x00B4 || c == 0x0060) c = 0x0027;
        if (c == 0x2010 || c == 0x2011) c = 0x002D;
        u1[k++] = c;
    }
    int32_t n3 = 0;
    u_strToUTF8((char *)out, capacity, &n3, u1, k, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        result = -n3;
    } else if (U_SUCCESS(status) || status == U_STRING_NOT_TERMINATED_WARNING) {
        result = n3;
    }
done:
    if (u1 != small1) free(u1);
    if (u2 != small2) free(u2);
    return result;
}

int32_t nicu_category(uint32_t c) { return (int32_t)u_charType((UChar32)c); }
int32_t nicu_is_alphabetic(uint32_t c) { return u_hasBinaryProperty((UChar32)c, UCHAR_ALPHABETIC); }
int32_t nicu_is_uppercase(uint32_t c) { return u_isUUppercase((UChar32)c); }
int32_t nicu_is_lowercase(uint32_t c) { return u_isULowercase((UChar32)c); }
int32_t nicu_is_white_space(uint32_t c) { return u_isUWhiteSpace((UChar32)c); }
int32_t nicu_is_emoji(uint32_t c) { return u_hasBinaryProperty((UChar32)c, UCHAR_EXTENDED_PICTOGRAPHIC); }

const char *nicu_version(void) {
    static char buffer[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo v;
    u_getVersion(v);
    u_versionToString(v, buffer);
    return buffer;
}
