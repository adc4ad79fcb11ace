/* SPDX-License-Identifier: Apache-2.0 */
/* Private structures of the screening module (screen*.c): the in-memory index built from the
 * latest snapshot of each list. Everything is immutable after tg_screener_open(), so queries may
 * run concurrently on one screener. */
#ifndef TG_SCREEN_INT_H
#define TG_SCREEN_INT_H

#include <stdint.h>
#include "tg/screen.h"
#include "map.h"

/* Chunked string pool: one free releases all. */
typedef struct sc_chunk sc_chunk;
typedef struct sc_pool {
	sc_chunk *head;
	size_t bytes; /* allocated, for memory figures */
} sc_pool;

char *tg__sc_pool_dup(sc_pool *p, const char *s, size_t n);
void tg__sc_pool_free(sc_pool *p);

typedef struct sc_entry {
	const char *source_id, *list, *name, *type;
	const char *countries; /* '\n'-separated ISO codes */
	const char *key_hash;
	float review, block;   /* thresholds of its list */
	uint8_t approved;      /* the approved-customer ("good") list */
} sc_entry;

typedef struct sc_name {
	uint32_t entry;      /* index into entries */
	uint32_t next_same;  /* next name with the same exact key + 1, or 0 */
	const char *display; /* as on the list */
	const char *norm;    /* normalised tokens */
	uint32_t tok_off;    /* first token id in tg_screener.name_toks */
	uint16_t ntok;
	uint16_t nlen;
	uint64_t sketch;     /* letter counts of norm, 2 bits per letter class capped at 3 (tg__sc_sketch) */
} sc_name;

struct tg_screener {
	sc_pool pool;
	sc_entry *entries;
	size_t n_entries, cap_entries;
	sc_name *names;
	size_t n_names, cap_names;
	tg_map exact; /* sorted-token key -> (uintptr_t)(first name index + 1) */
	void *index;  /* the fuzzy index (screen_index.c), NULL until built */
	float min_review; /* lowest review threshold of any list: the fuzzy search's floor */
	tg_map overrides; /* "party_key\x1flist\x1fsource_id" -> 't'|'f' + entry key hash (latest decision) */
};

/* Building a screener without the store (tg_screener_open() uses these; so do benches):
 * new, add entries, finish (thresholds and the fuzzy index). */
typedef struct sc_entry_in {
	const char *source_id, *list, *type;
	const char *names;     /* '\n'-separated, primary first */
	const char *countries; /* '\n'-separated ISO codes */
	const char *key_hash;
} sc_entry_in;
int tg__sc_new(tg_screener **out, tg_err *err);
int tg__sc_add_entry(tg_screener *s, const sc_entry_in *in);
int tg__sc_finish(tg_screener *s, tg_err *err);
/* Per-list thresholds from policy/screening/thresholds.json (screen_thresholds.c), before tg__sc_finish(). */
int tg__sc_thresholds_load(tg_screener *s, tg_err *err);
#define TG_SC_DEFAULT_REVIEW 0.85f
#define TG_SC_DEFAULT_BLOCK 0.95f

/* Overrides (screen_override.c): load the latest decision per pair; check one hit. Check returns 1
 * when the hit is suppressed (an unchanged false positive) and fills out with "true_match", "lapsed"
 * or "". */
int tg__sc_overrides_load(tg_screener *s, tg_store *st, tg_err *err);
int tg__sc_override_check(char out[16], const tg_screener *s, const char *party_key, const sc_entry *e);

/* Sort the tokens of a normalised name into out (the exact-match key); returns its length. */
size_t tg__sc_sorted_key(char *out, size_t cap, const char *norm);

/* Offer a scored name: kept if at or above its list's review threshold and among the best max,
 * one hit per list entry (its best name). */
typedef struct sc_query {
	tg_screen_hit *hits;
	size_t max, *n;
	const tg_screener *s;
	double min; /* < 0: each list's review threshold; else this floor (benches, diagnostics) */
	const char *party_key; /* sorted-token key of the query, for overrides */
} sc_query;

void tg__sc_offer(sc_query *q, const sc_name *nm, double score, const char *expl);

/* The fuzzy index (screen_index.c): build after all names are added; free; query. */
int tg__sc_index_build(tg_screener *s, tg_err *err);
void tg__sc_index_free(tg_screener *s);
/* Approximate bytes held by the screener (entries, names, strings, index). */
size_t tg__sc_index_bytes(const tg_screener *s);
void tg__sc_fuzzy(sc_query *q, const char *norm, const char *country);

/* tg_screen_name() with a score floor instead of the lists' review thresholds when min >= 0. */
int tg__screen_name_min(tg_screen_hit *hits, size_t max, size_t *n, const tg_screener *s, const char *name,
			const char *country, double min, tg_err *err);
/* Score two names against each other with the screener's token weights (name-pair benches). */
double tg__sc_pair_score(const tg_screener *s, const char *a, const char *b);
/* The same, b being a person's name when person is 1 (as a list entry of type "individual"). */
double tg__sc_pair_score_kind(const tg_screener *s, const char *a, const char *b, int person);
/* Entries with a name whose normalised sorted-token key equals name's; fills up to max indexes. */
size_t tg__sc_exact_entries(uint32_t *out, size_t max, const tg_screener *s, const char *name);

/* Schema steps (screen_store.c), listed in order by engine/engine_schema.c. */
extern const char tg__screen_schema_lists_2[];

#endif
