// The lexicon files of Lexicons/, embedded into the binary at build time (see Scripts/embed-lexicons.py),
// so that the tool needs no data directory and reads no file at start-up.
#ifndef NEWSLEXICONS_H
#define NEWSLEXICONS_H
#include <stdint.h>

/// How many files are embedded.
int32_t nlex_count(void);
/// The path of file `i` relative to Lexicons/ ("fr/abbreviations").
const char *nlex_name(int32_t i);
/// The bytes of file `i` (NUL-terminated; `*length` excludes the NUL).
const uint8_t *nlex_data(int32_t i, int64_t *length);
/// The lexicon tables compiled from these files (Sources/CNewsLexicons/compiled/lexicons.bin; see
/// CompiledLexicons.swift), and their length in `*length`.
const uint8_t *nlex_compiled(int64_t *length);
#endif
