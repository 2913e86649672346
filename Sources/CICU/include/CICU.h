#ifndef CICU_H
#define CICU_H

#include <stdint.h>

/* A tiny C surface over system ICU with no ICU types in it, so that Swift
 * modules that also see Foundation (and its private ICU) can use it. */

#ifdef __cplusplus
extern "C" {
#endif

/* Fills table[0..<0x10000] with the folded form of every BMP code point:
 * NFKC with case folding, then Traditional -> Simplified. A code point whose
 * folded form is not exactly one BMP code point maps to itself, so one code
 * point always maps to one code point and offsets never move.
 * Returns 0 on success, or an ICU error code. */
int32_t cicu_build_fold_table(uint32_t *table);

/* Writes the toneless pinyin of every code point from first to last
 * (inclusive) that ICU's Han-Latin transliterator knows, as ASCII syllables
 * separated by '\n' (an empty line for a code point it leaves alone), into
 * buffer. Returns the number of bytes written (which may exceed capacity:
 * call again with more room), or -1 on error. */
int32_t cicu_pinyin_syllables(uint32_t first, uint32_t last, char *buffer, int32_t capacity);

/* An ICU word break iterator for locale zh. Not thread-safe: one per thread. */
typedef struct CICUWordBreaker CICUWordBreaker;

CICUWordBreaker *cicu_word_breaker_open(int32_t *error);
void cicu_word_breaker_close(CICUWordBreaker *breaker);

/* Segments UTF-16 text and writes the [start, end) UTF-16 offsets of each word
 * whose rule status marks it as a word (numbers, letters, kana, ideographs),
 * skipping spaces and punctuation. Writes at most capacity words and returns
 * how many words the text holds (call again with more room if larger), or -1
 * on error. */
int32_t cicu_word_breaker_words(CICUWordBreaker *breaker, const uint16_t *text, int32_t length,
                                int32_t *starts, int32_t *ends, int32_t capacity);

#ifdef __cplusplus
}
#endif

#endif

#ifdef __cplusplus
extern "C" {
#endif
/* Converts GB18030 bytes to UTF-8, stopping at the first byte sequence that is
 * not valid GB18030. Returns the UTF-8 length (which may exceed capacity: call
 * again with more room), or -1 when the input is not valid GB18030. */
int32_t cicu_gb18030_to_utf8(const char *source, int32_t length, char *destination, int32_t capacity);
#ifdef __cplusplus
}
#endif
