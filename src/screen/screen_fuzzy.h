/* SPDX-License-Identifier: Apache-2.0 */
/* Query-side structures of the fuzzy search, shared by screen_fuzzy.c (variants, candidates) and
 * screen_fuzzy_score.c (full scoring of the candidates). Everything lives on the caller's stack. */
#ifndef TG_SCREEN_FUZZY_H
#define TG_SCREEN_FUZZY_H

#include "screen_index.h"
#include "screen_score.h"

#define MAX_VARIANTS 8
#define TOP_K 48
#define DF_CAP 20000   /* tokens in more names than this do not generate candidates (multi-token queries) */
#define COUNTRY_BONUS 0.02
#define UNSEEN_SIM TG_SC_INITIAL_SIM /* best similarity the scorer gives a pair the index cannot see
				      (initials, short words); same-sound pairs are assumed found by trigrams */
#define VMAP_SLOTS 512 /* vocabulary token -> query token (power of two, > 2 * TG_SC_MAX_TOKENS * MAX_VARIANTS) */

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
	float lambda;      /* score floor the candidates must be able to reach (0: no pruning) */
	float acc_floor;   /* and the accumulated weight they need (share of the query's weight) */
	float min_idf;     /* lowest token weight of the index */
	uint32_t done;     /* query tokens whose variants' postings were all read */
	uint8_t readv[TG_SC_MAX_TOKENS]; /* per query token, the variants whose postings were read */
	size_t qjoin;      /* query length without spaces */
	uint64_t qsketch;  /* letter sketch of the query (tg__sc_sketch) */
	uint32_t qlset;    /* and its letter classes */
	unsigned char qhist[38];
	sc_cand cand[TOP_K];
	size_t ncand;
	size_t worst;      /* the candidate of lowest acc once TOP_K are held */
} sc_fz;

/* The vocabulary token of t and its close tokens, best first, and the query weight of t. */
void tg__sc_find_variants(sc_qtok *q, const sc_index *x, const char *t, size_t n);

/* Candidates (screen_fuzzy.c): fill f->cand with at most TOP_K names, best accumulated weight first. */
void tg__sc_candidates(sc_fz *f);

/* Score one candidate fully and offer it (screen_fuzzy_score.c). */
void tg__sc_score_candidate(sc_query *q, const sc_fz *f, const char *qnorm, uint32_t name, const char *cc);

/* Letter histogram code of a byte (a-z, 0-9, other): shared by the joined-length filter. */
unsigned tg__sc_hist_code(unsigned char c);

#endif
