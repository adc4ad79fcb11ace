/* SPDX-License-Identifier: Apache-2.0 */
/* Scoring of a query name against a list name: Jaro-Winkler on tokens, rare-token weights, a
 * whole-string comparison for spacing differences. Pure functions, no allocation. */
#ifndef TG_SCREEN_SCORE_H
#define TG_SCREEN_SCORE_H

#include <stddef.h>

#define TG_SC_MAX_TOKENS 24

/* Jaro-Winkler similarity of two byte strings in [0, 1] (prefix scale 0.1, up to 4 bytes). */
double tg__sc_jaro_winkler(const char *a, size_t na, const char *b, size_t nb);

/* Similarity of two tokens as used in names: 1 equal; 1 - 2(1 - JW) when JW >= 0.88 (typos, transliteration
 * variants); 0.6 for one edit in a word of 4 letters or less, or an initial against a word it starts. */
double tg__sc_token_sim(const char *a, size_t na, const char *b, size_t nb);

/* A tokenised name: pointers into a normalised string plus a weight per token. */
typedef struct tg__sc_toks {
	const char *tok[TG_SC_MAX_TOKENS];
	unsigned char len[TG_SC_MAX_TOKENS];
	float w[TG_SC_MAX_TOKENS];
	size_t n;
} tg__sc_toks;

/* Split a normalised name (tokens separated by single spaces) into t; weights set to 1. */
void tg__sc_tokens(tg__sc_toks *t, const char *norm);

/* Score breakdown, for explanations. */
typedef struct tg__sc_score {
	double score;   /* final, in [0, 1] */
	double tokens;  /* weighted token alignment */
	double joined;  /* Jaro-Winkler of the names without spaces */
	int matched;    /* query tokens matched */
} tg__sc_score;

/* Score query q against name n (both with weights). */
void tg__sc_score_names(tg__sc_score *out, const tg__sc_toks *q, const tg__sc_toks *n);

#endif
