/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The screening module's interface for the rest of libtg (its private header is screen_int.h):
 *  - name normalisation: a name becomes a sequence of lower-case ASCII tokens separated by single
 *    spaces: Unicode folded (NFKC + case folding), other scripts transliterated to Latin, Chinese
 *    folded to Simplified and read as pinyin by word, diacritics removed, punctuation dropped
 *    (initialisms joined: "S.A." -> "sa"), legal forms removed ("Co., Ltd.", "GmbH", "Sdn. Bhd.",
 *    "有限公司"). Thread-safe. The custody, ledger and audit modules key their rows by it;
 *  - a screener over chosen entries rather than the stored lists (re-screening's two sides), with the
 *    string pool it keeps them in and the array growth it uses;
 *  - the module's schema step, for the engine's migration list.
 */
#ifndef TG_SCREEN_NORM_H
#define TG_SCREEN_NORM_H

#include <stddef.h>
#include "tg/screen.h"
#include "tg/store.h"

#define TG_SCREEN_NORM_MAX 512 /* normalised names are cut at this many bytes */

/* Normalise the ASCII (or already transliterated) text in[0..n) into out (cap bytes incl. NUL).
 * Returns the length written (0 when nothing is left). */
size_t tg__screen_norm_ascii(char *out, size_t cap, const char *in, size_t n);

/* Full normalisation of a UTF-8 name (any script) into out; returns the length. */
size_t tg__screen_norm(char *out, size_t cap, const char *in);

/* Is tok (len n) a legal-form token ("ltd", "gmbh", ...)? 2 = strong (removed anywhere), 1 = weak
 * (removed only at either end of a name: "co", "sa", "ag"...), 0 = no. */
int tg__screen_legal_form(const char *tok, size_t n);

/* Normalised party / exporter name for comparisons (tg__screen_norm into 512 bytes; "" when it
 * normalises to nothing). */
void tg__name_norm(char out[512], const char *name);

/* Chunked string pool: one free releases all. Start from {NULL, 0}. */
typedef struct sc_chunk sc_chunk;
typedef struct sc_pool {
	sc_chunk *head;
	size_t bytes; /* allocated, for memory figures */
} sc_pool;
/* A NUL-terminated copy of s[0..n) in the pool, or NULL (out of memory). */
char *tg__sc_pool_dup(sc_pool *p, const char *s, size_t n);
void tg__sc_pool_free(sc_pool *p);
/* Make room for element len of the array *v (*cap elements of size bytes), doubling from 64: TG_OK or
 * TG_ENOMEM (*v unchanged). */
int tg__sc_grow(void **v, size_t *cap, size_t len, size_t size);

/* One list entry to screen against; all fields borrowed (the screener copies them). */
typedef struct sc_entry_in {
	const char *source_id, *list, *type;
	const char *names;     /* '\n'-separated, primary first */
	const char *countries; /* '\n'-separated ISO codes */
	const char *key_hash;
} sc_entry_in;
/* A screener built from chosen entries: new, add each entry (TG_OK or TG_ENOMEM), then seal:
 * per-list thresholds, the fuzzy index and the reviewers' overrides of st, as tg_screener_open()
 * does for the stored lists. Release with tg_screener_free() at any step. */
int tg__sc_new(tg_screener **out, tg_err *err);
int tg__sc_add_entry(tg_screener *s, const sc_entry_in *in);
int tg__sc_seal(tg_screener *s, tg_store *st, tg_err *err);

/* Schema steps (screen_store.c), listed in order by engine/engine_schema.c. */
extern const char tg__screen_schema_lists_2[];

/* What the screener is built from: v[0] the newest list snapshot id, v[1] the newest override id. */
int tg__screen_version(tg_store *st, int64_t v[2], tg_err *err);

/* Sort the tokens of a normalised name into out (the exact-match key); returns its length. */
size_t tg__sc_sorted_key(char *out, size_t cap, const char *norm);

/* ==== normalisation word tables (screen_norm_table.c), one entry per line there; private to
 * normalisation (screen_norm.c) ==== */

/* A word with its length, so that lookups compare lengths before bytes. Lists end with {NULL, 0}. */
typedef struct tg__sc_word {
	const char *s;
	size_t n;
} tg__sc_word;
extern const tg__sc_word tg__sc_strong_forms[]; /* never a given name or a word of a company's own name */
extern const tg__sc_word tg__sc_weak_forms[];   /* short or ambiguous forms: removed at either end only */
extern const char
	*const tg__sc_legal_phrases[];        /* multi-word legal forms, removed wherever they stand; NULL-terminated */
extern const tg__sc_word tg__sc_honorifics[]; /* titles: not part of a name */
extern const tg__sc_word tg__sc_synonyms[][2];  /* spelling variant -> the one form it folds to */
extern const tg__sc_word tg__sc_prefix_forms[]; /* weak forms that stand before the name ("AO", "PT", "The") */

#endif
