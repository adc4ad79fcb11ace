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
 * variants), at most 1 - edits / length + TG_SC_EDIT_SLACK (edits: insertions, deletions, substitutions and
 * swaps of two neighbours); 0.6 for one edit in a word of 4 letters or less; TG_SC_INITIAL_SIM for an initial against a word
 * it starts; TG_SC_SOUND_SIM for two spellings with the same consonant skeleton. */
double tg__sc_token_sim(const char *a, size_t na, const char *b, size_t nb);

#define TG_SC_INITIAL_SIM 0.75/* an initial against a word it starts ("V." / "Vladimir") */
#define TG_SC_SOUND_SIM 0.88   /* two spellings of one sound (Usama / Osama, Gaddafi / Qaddafi) */
#define TG_SC_EDIT_SLACK 0.05  /* a word pair's similarity is at most 1 - edits / length + this */
#define TG_SC_ACRONYM_SIM 0.9  /* an acronym against the words it abbreviates ("US" / "United States");
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
	double score;   /* final, in [0, 1] */
	double tokens;  /* weighted token alignment */
	double joined;  /* Jaro-Winkler of the names without spaces */
	int matched;    /* query tokens matched */
} tg__sc_score;

/* "X bin Y" in one name and "Y bin X" in the other (father and son the other way round)? Their
 * token score is multiplied by TG_SC_BIN_SWAPPED, and an exact key match does not count. */
#define TG_SC_BIN_SWAPPED 0.8
int tg__sc_bin_swapped(const tg__sc_toks *q, const tg__sc_toks *n);

/* Score query q against name n (both with weights). */
void tg__sc_score_names(tg__sc_score *out, const tg__sc_toks *q, const tg__sc_toks *n);

#endif
