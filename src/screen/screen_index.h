/* SPDX-License-Identifier: Apache-2.0 */
/* The fuzzy index's private layout, shared by screen_index.c (build) and screen_fuzzy.c (query). */
#ifndef TG_SCREEN_INDEX_H
#define TG_SCREEN_INDEX_H

#include <stdatomic.h>
#include "screen_int.h"

#define NTRI (38 * 38 * 38) /* trigram keys over [a-z0-9], padding and "other" */

typedef struct sc_index {
	tg_map vocab;           /* token -> id + 1 (keys point into the names' normalised strings) */
	const char **tok;       /* id -> token text (not NUL-terminated at len) */
	uint8_t *tok_len;
	float *idf;
	uint32_t n_tok, cap_tok;
	uint32_t *post_off, *post; /* token id -> names */
	uint64_t *post_bloom, *post_fl; /* beside post: the name's signatures (below), read in sequence */
	uint32_t *post_lset;            /* and the letter classes it uses (tg__sc_sketch_lset) */
	uint32_t *name_tok;        /* names[i].tok_off .. + ntok -> token ids */
	size_t n_name_tok, cap_name_tok;
	uint32_t *tri_off, *tri;   /* trigram -> token ids */
	float max_idf, min_idf;
	uint64_t *tok_sig;         /* id -> its trigrams hashed into 64 bits (a cheap upper bound of shared trigrams) */
	uint64_t *tri_sig;         /* beside tri: the signature of each token listed, read in sequence */
	struct sc_oov *oov;        /* variants of tokens outside the vocabulary, by hash (OOV_SLOTS) */
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
	(((uint64_t)1 << (((t) * 2654435761u) >> 26)) | ((uint64_t)1 << ((((t) + 0x9E37u) * 0x85EBCA6Bu) >> 26)))

/* Letter sketch of a normalised name: per letter class (TG_SC_LCLASS) its count capped at 3, in 2
 * bits; spaces not counted. Two sketches bound the edits between the names' joined forms from below
 * (tg__sc_sketch_edits), without reading the names. */
uint64_t tg__sc_sketch(const char *norm);
size_t tg__sc_sketch_edits(uint64_t a, uint64_t b);
/* The letter classes present in a sketch, one bit each. */
uint32_t tg__sc_sketch_lset(uint64_t sketch);

/* Bit of a trigram key in a token signature. */
#define TG_SC_SIG_BIT(g) ((uint64_t)1 << (((g) * 2654435761u) >> 26))

/* The trigrams of " tok " (padded) as keys in [0, NTRI); returns the count (<= min(len, 64) + 2). */
size_t tg__sc_trigrams(uint32_t *out, const char *t, size_t n);

#endif
