/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The screening module's private header (screen.c and screen_*.c; not the rescreen module's files):
 * the in-memory screener built from the latest snapshot of each list, its scoring, its fuzzy index and query, the
 * normalisation tables. Everything is immutable after tg_screener_open(), so queries may run
 * concurrently on one screener. The module's interface for the rest of libtg is screen_norm.h; what
 * its tests and benches may call is screen_test.h (both included here).
 */
#ifndef TG_SCREEN_INT_H
#define TG_SCREEN_INT_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include "tg/screen.h"
#include "map.h"
#include "screen_norm.h"
#include "screen_test.h"

/* ==== the screener (screen.c, screen_query.c, screen_override.c, screen_thresholds.c) ==== */

typedef struct sc_entry {
	const char *source_id, *list, *name, *type;
	const char *countries; /* '\n'-separated ISO codes */
	const char *key_hash;
	float review, block; /* thresholds of its list */
	uint8_t approved;    /* the approved-customer ("good") list */
} sc_entry;

typedef struct sc_name {
	uint32_t entry;      /* index into entries */
	uint32_t next_same;  /* next name with the same exact key + 1, or 0 */
	const char *display; /* as on the list */
	const char *norm;    /* normalised tokens */
	uint32_t tok_off;    /* first token id in tg_screener.name_toks */
	uint16_t ntok;
	uint16_t nlen;
	uint64_t sketch; /* letter counts of norm, 2 bits per letter class capped at 3 (tg__sc_sketch) */
} sc_name;

struct tg_screener {
	sc_pool pool;
	sc_entry *entries;
	size_t n_entries, cap_entries;
	sc_name *names;
	size_t n_names, cap_names;
	tg_map exact;     /* sorted-token key -> (uintptr_t)(first name index + 1) */
	void *index;      /* the fuzzy index (screen_index.c), NULL until built */
	float min_review; /* lowest review threshold of any list: the fuzzy search's floor */
	tg_map overrides; /* "party_key\x1flist\x1fsource_id" -> 't'|'f' + entry key hash (latest decision) */
};

/* Per-list thresholds from policy/screening/thresholds.json (screen_thresholds.c), before tg__sc_finish(). */
int tg__sc_thresholds_load(tg_screener *s, tg_err *err);
#define TG_SC_DEFAULT_REVIEW 0.85f
#define TG_SC_DEFAULT_BLOCK 0.95f

/* Overrides (screen_override.c): load the latest decision per pair; check one hit. Check returns 1
 * when the hit is suppressed (an unchanged false positive) and fills out with "true_match", "lapsed"
 * or "". */
int tg__sc_overrides_load(tg_screener *s, tg_store *st, tg_err *err);
int tg__sc_override_check(char out[16], const tg_screener *s, const char *party_key, const sc_entry *e);

/* The reviewers' decisions as stored (screen_store.c holds the module's SQL); fields borrowed. */
typedef struct sc_override_row {
	int64_t id; /* assigned by the store; ignored on insert */
	const char *party_key, *party_name, *list, *source_id, *key_hash, *decision, *reason, *reviewer, *decided_at;
} sc_override_row;
/* Record one decision (in the caller's transaction, if any). TG_OK, TG_EDB. */
int tg__sc_override_insert(tg_store *st, const sc_override_row *r, tg_err *err);
/* Every decision, oldest first; a negative return of fn stops the walk and is returned. */
int tg__sc_overrides_each(tg_store *st, int (*fn)(const sc_override_row *r, void *payload), void *payload, tg_err *err);

/* Offer a scored name: kept if at or above its list's review threshold and among the best max,
 * one hit per list entry (its best name). */
typedef struct sc_query {
	tg_screen_hit *hits;
	size_t max, *n;
	const tg_screener *s;
	double min;            /* < 0: each list's review threshold; else this floor (benches, diagnostics) */
	const char *party_key; /* sorted-token key of the query, for overrides */
} sc_query;

void tg__sc_offer(sc_query *q, const sc_name *nm, double score, const char *expl);

/* The fuzzy index (screen_index.c): build after all names are added; free; query. */
int tg__sc_index_build(tg_screener *s, tg_err *err);
void tg__sc_index_free(tg_screener *s);
void tg__sc_fuzzy(sc_query *q, const char *norm, const char *country);

/* ==== scoring (screen_score.c): Jaro-Winkler on tokens, rare-token weights, a whole-string comparison for
 * spacing differences. Pure functions, no allocation ==== */

#define TG_SC_MAX_TOKENS 24

/* Jaro-Winkler similarity of two byte strings in [0, 1] (prefix scale 0.1, up to 4 bytes). */
double tg__sc_jaro_winkler(const char *a, size_t na, const char *b, size_t nb);

/* Similarity of two tokens as used in names: 1 equal; 1 - 2(1 - JW) when JW >= 0.88 (typos, transliteration
 * variants), at most 1 - edits / length + TG_SC_EDIT_SLACK (edits: insertions, deletions, substitutions and
 * swaps of two neighbours); 0.6 for one edit in a word of 4 letters or less; TG_SC_INITIAL_SIM for an initial against a word
 * it starts; TG_SC_SOUND_SIM for two spellings with the same consonant skeleton. */
double tg__sc_token_sim(const char *a, size_t na, const char *b, size_t nb);

#define TG_SC_INITIAL_SIM 0.75 /* an initial against a word it starts ("V." / "Vladimir") */
#define TG_SC_SOUND_SIM 0.88   /* two spellings of one sound (Usama / Osama, Gaddafi / Qaddafi) */
#define TG_SC_EDIT_SLACK 0.05  /* a word pair's similarity is at most 1 - edits / length + this */
#define TG_SC_ACRONYM_SIM \
	0.9 /* an acronym against the words it abbreviates ("US" / "United States");
				* 0.1 less for two letters */

/* A tokenised name: pointers into a normalised string plus a weight per token. */
typedef struct tg__sc_toks {
	const char *tok[TG_SC_MAX_TOKENS];
	unsigned char len[TG_SC_MAX_TOKENS];
	float w[TG_SC_MAX_TOKENS];
	size_t n;
	int person; /* a person's name: words on one side only (middle names, patronymics) cost less */
} tg__sc_toks;

/* Cost of a word found on one side only, against a word that conflicts: for organisations, and
 * (lower) when either name is a person's and two words or more pair (a full name, not one word
 * of it); the lowest bounds the candidate search. */
#define TG_SC_SUBSET_COST 0.5
#define TG_SC_SUBSET_COST_PERSON 0.3
#define TG_SC_SUBSET_MIN TG_SC_SUBSET_COST_PERSON

/* Split a normalised name (tokens separated by single spaces) into t; weights set to 1. */
void tg__sc_tokens(tg__sc_toks *t, const char *norm);

/* Score breakdown, for explanations. */
typedef struct tg__sc_score {
	double score;  /* final, in [0, 1] */
	double tokens; /* weighted token alignment */
	double joined; /* Jaro-Winkler of the names without spaces */
	int matched;   /* query tokens matched */
} tg__sc_score;

/* "X bin Y" in one name and "Y bin X" in the other (father and son the other way round)? Their
 * token score is multiplied by TG_SC_BIN_SWAPPED, and an exact key match does not count. */
#define TG_SC_BIN_SWAPPED 0.8
int tg__sc_bin_swapped(const tg__sc_toks *q, const tg__sc_toks *n);

/* Score query q against name n (both with weights). */
void tg__sc_score_names(tg__sc_score *out, const tg__sc_toks *q, const tg__sc_toks *n);

/* ==== the fuzzy index (screen_index.c builds it, screen_fuzzy*.c query it) ==== */

#define NTRI (38 * 38 * 38) /* trigram keys over [a-z0-9], padding and "other" */

typedef struct sc_index {
	tg_map vocab;     /* token -> id + 1 (keys point into the names' normalised strings) */
	const char **tok; /* id -> token text (not NUL-terminated at len) */
	uint8_t *tok_len;
	float *idf;
	uint32_t n_tok, cap_tok;
	uint32_t *post_off, *post;      /* token id -> names */
	uint64_t *post_bloom, *post_fl; /* beside post: the name's signatures (below), read in sequence */
	uint32_t *post_lset;            /* and the letter classes it uses (tg__sc_sketch_lset) */
	uint32_t *name_tok;             /* names[i].tok_off .. + ntok -> token ids */
	size_t n_name_tok, cap_name_tok;
	uint32_t *tri_off, *tri; /* trigram -> token ids */
	float max_idf, min_idf;
	uint64_t *tok_sig;  /* id -> its trigrams hashed into 64 bits (a cheap upper bound of shared trigrams) */
	uint64_t *tri_sig;  /* beside tri: the signature of each token listed, read in sequence */
	struct sc_oov *oov; /* variants of tokens outside the vocabulary, by hash (OOV_SLOTS) */
	/* Close-token variants of vocabulary tokens, computed on first use and published once:
	 * vstate 0 = not yet, 1 = being computed by one thread, 2 = ready in vcache/vcount. */
	_Atomic unsigned char *vstate;
	struct sc_variant *vcache; /* id * MAX_VARIANTS */
	unsigned char *vcount;
	size_t bytes;
} sc_index;

/* Signatures of a name, kept beside each of its postings so that most postings are judged without
 * reading the name: post_bloom has two Bloom bits per token id; post_fl the first letters of its
 * tokens (bits 0..26), of its tokens of at most 5 letters (bits 27..53) and its length without
 * spaces (bits 54..61, at most 255). Letter classes: a-z, then everything else. */
#define TG_SC_LCLASS(c) ((c) >= 'a' && (c) <= 'z' ? (unsigned)((c) - 'a') : 26u)
#define TG_SC_FL_ANY(c) ((uint64_t)1 << TG_SC_LCLASS(c))
#define TG_SC_FL_SHORT(c) ((uint64_t)1 << (27 + TG_SC_LCLASS(c)))
#define TG_SC_FL_LEN(fl) ((size_t)(((fl) >> 54) & 0xFF))
#define TG_SC_BLOOM(t) \
	(((uint64_t)1 << (((t)*2654435761u) >> 26)) | ((uint64_t)1 << ((((t) + 0x9E37u) * 0x85EBCA6Bu) >> 26)))

/* Letter sketch of a normalised name: per letter class (TG_SC_LCLASS) its count capped at 3, in 2
 * bits; spaces not counted. Two sketches bound the edits between the names' joined forms from below
 * (tg__sc_sketch_edits), without reading the names. */
uint64_t tg__sc_sketch(const char *norm);
size_t tg__sc_sketch_edits(uint64_t a, uint64_t b);
/* The letter classes present in a sketch, one bit each. */
uint32_t tg__sc_sketch_lset(uint64_t sketch);

/* Bit of a trigram key in a token signature. */
#define TG_SC_SIG_BIT(g) ((uint64_t)1 << (((g)*2654435761u) >> 26))

/* The trigrams of " tok " (padded) as keys in [0, NTRI); returns the count (<= min(len, 64) + 2). */
size_t tg__sc_trigrams(uint32_t *out, const char *t, size_t n);

/* ==== the fuzzy query: structures shared by screen_fuzzy.c (variants, candidates) and
 * screen_fuzzy_score.c (full scoring). Everything lives on the caller's stack ==== */

#define MAX_VARIANTS 8
#define TOP_K 48
#define DF_CAP 20000 /* tokens in more names than this do not generate candidates (multi-token queries) */
#define COUNTRY_BONUS 0.02
#define UNSEEN_SIM \
	TG_SC_INITIAL_SIM /* best similarity the scorer gives a pair the index cannot see
				      (initials, short words); same-sound pairs are assumed found by trigrams */
#define VMAP_SLOTS 512    /* vocabulary token -> query token (power of two, > 2 * TG_SC_MAX_TOKENS * MAX_VARIANTS) */

struct sc_variant {
	uint32_t tok;
	float sim;
};
typedef struct sc_variant sc_variant;

/* A token outside the vocabulary whose variants were computed by an earlier query. Claimed once
 * (state 0 -> 1 by compare-and-swap), filled, then published (state 2); never replaced, so the cache
 * keeps the first OOV_SLOTS distinct tokens it meets. */
#define OOV_SLOTS 32768 /* power of two */
#define OOV_PROBE 8
struct sc_oov {
	_Atomic unsigned char state;
	unsigned char nv;
	float w;
	uint64_t hash; /* of the token's bytes and length */
	sc_variant v[MAX_VARIANTS];
};

typedef struct sc_qtok {
	sc_variant v[MAX_VARIANTS]; /* best similarity first */
	size_t nv;
	float w;
} sc_qtok;

typedef struct sc_vslot {
	uint32_t key1; /* vocabulary id + 1; 0 = empty */
	uint8_t qi, vi;
	float sim;
} sc_vslot;

typedef struct sc_cand {
	uint32_t name;
	float acc; /* sum over query tokens of similarity x weight (candidate order) */
} sc_cand;

/* One query in flight. */
typedef struct sc_fz {
	const tg_screener *s;
	const sc_index *x;
	tg__sc_toks qt;
	sc_qtok q[TG_SC_MAX_TOKENS];
	sc_vslot vmap[VMAP_SLOTS];
	float lambda;                    /* score floor the candidates must be able to reach (0: no pruning) */
	float acc_floor;                 /* and the accumulated weight they need (share of the query's weight) */
	float min_idf;                   /* lowest token weight of the index */
	uint32_t done;                   /* query tokens whose variants' postings were all read */
	uint8_t readv[TG_SC_MAX_TOKENS]; /* per query token, the variants whose postings were read */
	size_t qjoin;                    /* query length without spaces */
	uint64_t qsketch;                /* letter sketch of the query (tg__sc_sketch) */
	uint32_t qlset;                  /* and its letter classes */
	unsigned char qhist[38];
	sc_cand cand[TOP_K];
	size_t ncand;
	size_t worst; /* the candidate of lowest acc once TOP_K are held */
} sc_fz;

/* The vocabulary token of t and its close tokens, best first, and the query weight of t. */
void tg__sc_find_variants(sc_qtok *q, const sc_index *x, const char *t, size_t n);

/* Candidates (screen_fuzzy.c): fill f->cand with at most TOP_K names, best accumulated weight first. */
void tg__sc_candidates(sc_fz *f);

/* Score one candidate fully and offer it (screen_fuzzy_score.c). */
void tg__sc_score_candidate(sc_query *q, const sc_fz *f, const char *qnorm, uint32_t name, const char *cc);

/* Letter histogram code of a byte (a-z, 0-9, other): shared by the joined-length filter. */
unsigned tg__sc_hist_code(unsigned char c);

/* ==== Chinese name tables (screen_zh_table.c): project data, each brand mapping with its source ==== */

typedef enum tg__zh_kind {
	TG_ZH_LEGAL = 1,      /* legal form: dropped (有限公司) */
	TG_ZH_DESCRIPTOR = 2, /* generic word: its English equivalent (科技 technology) */
	TG_ZH_PLACE = 3,      /* place name, word-level pinyin (长沙 changsha); weak evidence */
	TG_ZH_BRAND = 4,      /* a name that is not pinyin (大疆 DJI) */
	TG_ZH_WORD = 5        /* other word-level reading (polyphones in names) */
} tg__zh_kind;

typedef struct tg__zh_term {
	const char *zh;  /* Simplified, UTF-8 */
	const char *out; /* ASCII replacement ("" = drop) */
	tg__zh_kind kind;
	const char *source; /* where the mapping comes from (brands: the company's own site) */
} tg__zh_term;

/* The longest table term that starts at s (UTF-8, n bytes left), or NULL. */
const tg__zh_term *tg__zh_match(const char *s, size_t n);

/* Is the ASCII token a place name from the table (weak evidence)? */
int tg__zh_is_place(const char *tok, size_t n);

#endif
