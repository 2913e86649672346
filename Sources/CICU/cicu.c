#include "CICU.h"

#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/utrans.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

struct CICUWordBreaker {
    UBreakIterator *iterator;
};

static int32_t fold_one(const UNormalizer2 *nfkc_cf, UTransliterator *t2s, uint32_t cp) {
    UChar source[2] = {(UChar)cp, 0};
    UChar folded[8];
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = unorm2_normalize(nfkc_cf, source, 1, folded, 8, &status);
    if (U_FAILURE(status) || length != 1 || U16_IS_SURROGATE(folded[0])) return (int32_t)cp;
    UChar32 mapped = folded[0];
    UErrorCode scriptStatus = U_ZERO_ERROR;
    if (uscript_getScript(mapped, &scriptStatus) == USCRIPT_HAN) {
        UChar buffer[8] = {(UChar)mapped, 0};
        int32_t textLength = 1, limit = 1;
        status = U_ZERO_ERROR;
        utrans_transUChars(t2s, buffer, &textLength, 8, 0, &limit, &status);
        if (U_SUCCESS(status) && textLength == 1 && !U16_IS_SURROGATE(buffer[0])) mapped = buffer[0];
    }
    return mapped;
}

int32_t cicu_build_fold_table(uint32_t *table) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfkc_cf = unorm2_getNFKCCasefoldInstance(&status);
    if (U_FAILURE(status)) return status;
    UChar id[] = u"Traditional-Simplified";
    UTransliterator *t2s = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
    if (U_FAILURE(status)) return status;
    for (uint32_t cp = 0; cp < 0x10000; cp++) {
        if (cp < 0x80) {
            table[cp] = (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
        } else if (U16_IS_SURROGATE(cp)) {
            table[cp] = cp;
        } else {
            table[cp] = (uint32_t)fold_one(nfkc_cf, t2s, cp);
        }
    }
    utrans_close(t2s);
    return 0;
}

int32_t cicu_pinyin_syllables(uint32_t first, uint32_t last, char *buffer, int32_t capacity) {
    if (last < first || last >= 0x10000) return -1;
    UErrorCode status = U_ZERO_ERROR;
    UChar id[] = u"Han-Latin; Latin-ASCII";
    UTransliterator *toLatin = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
    if (U_FAILURE(status)) return -1;
    /* One call over every character, each on its own line: one syllable per
     * line comes back, and a call per character would cost a thousand times more. */
    int32_t count = (int32_t)(last - first + 1);
    int32_t room = count * 16 + 16;
    UChar *text = malloc(sizeof(UChar) * (size_t)room);
    if (!text) {
        utrans_close(toLatin);
        return -1;
    }
    int32_t length = 0;
    for (uint32_t cp = first; cp <= last; cp++) {
        text[length++] = U16_IS_SURROGATE(cp) ? (UChar)' ' : (UChar)cp;
        text[length++] = (UChar)'\n';
    }
    int32_t limit = length;
    utrans_transUChars(toLatin, text, &length, room, 0, &limit, &status);
    utrans_close(toLatin);
    if (U_FAILURE(status)) {
        free(text);
        return -1;
    }
    int32_t written = 0;
    for (int32_t i = 0; i < length; i++) {
        UChar unit = text[i];
        char byte;
        if (unit == '\n') byte = '\n';
        else if (unit >= 'a' && unit <= 'z') byte = (char)unit;
        else if (unit >= 'A' && unit <= 'Z') byte = (char)(unit + 32);
        else continue;
        if (written < capacity) buffer[written] = byte;
        written++;
    }
    free(text);
    return written;
}

CICUWordBreaker *cicu_word_breaker_open(int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(UBRK_WORD, "zh", NULL, 0, &status);
    if (U_FAILURE(status)) {
        if (error) *error = status;
        return NULL;
    }
    CICUWordBreaker *breaker = malloc(sizeof *breaker);
    if (!breaker) {
        ubrk_close(iterator);
        if (error) *error = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    breaker->iterator = iterator;
    if (error) *error = 0;
    return breaker;
}

void cicu_word_breaker_close(CICUWordBreaker *breaker) {
    if (!breaker) return;
    ubrk_close(breaker->iterator);
    free(breaker);
}

int32_t cicu_word_breaker_words(CICUWordBreaker *breaker, const uint16_t *text, int32_t length,
                                int32_t *starts, int32_t *ends, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(breaker->iterator, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) return -1;
    int32_t count = 0;
    int32_t start = ubrk_first(breaker->iterator);
    for (int32_t end = ubrk_next(breaker->iterator); end != UBRK_DONE;
         start = end, end = ubrk_next(breaker->iterator)) {
        if (ubrk_getRuleStatus(breaker->iterator) < UBRK_WORD_NUMBER) continue;
        if (count < capacity) {
            starts[count] = start;
            ends[count] = end;
        }
        count++;
    }
    /* Detach the iterator from the caller's buffer, which may be freed next. */
    ubrk_setText(breaker->iterator, NULL, 0, &status);
    return count;
}

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ustring.h>

int32_t cicu_gb18030_to_utf8(const char *source, int32_t length, char *destination, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *converter = ucnv_open("gb18030", &status);
    if (U_FAILURE(status)) return -1;
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    int32_t units = ucnv_toUChars(converter, NULL, 0, source, length, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) {
        ucnv_close(converter);
        return -1;
    }
    UChar *buffer = malloc(sizeof(UChar) * (size_t)(units + 1));
    if (!buffer) {
        ucnv_close(converter);
        return -1;
    }
    status = U_ZERO_ERROR;
    ucnv_toUChars(converter, buffer, units + 1, source, length, &status);
    ucnv_close(converter);
    if (U_FAILURE(status)) {
        free(buffer);
        return -1;
    }
    int32_t written = 0;
    status = U_ZERO_ERROR;
    u_strToUTF8(destination, capacity, &written, buffer, units, &status);
    free(buffer);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) return written;
    return U_FAILURE(status) ? -1 : written;
}
