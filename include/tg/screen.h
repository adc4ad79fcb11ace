/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file tg/screen.h
 * @brief Restricted-party screening against the list snapshots loaded in the store.
 *
 * Contract used by the decision engine (check). The screening module may extend this header (new
 * functions, new fields at the end of structs) but never rename or remove what is here.
 */
#ifndef TG_SCREEN_H
#define TG_SCREEN_H

#include "tg/common.h"
#include "tg/errors.h"
#include "tg/store.h"

/** How strong a hit is, against the thresholds configured for its list. */
typedef enum tg_hit_level {
	TG_HIT_REVIEW = 1, /**< score >= the list's review threshold, < its block threshold */
	TG_HIT_BLOCK = 2   /**< score >= the list's block threshold */
} tg_hit_level;

/** One hit: which list entry matched, through which of its names, how strongly and why. */
typedef struct tg_screen_hit {
	char entity_id[64];     /**< the list's own id of the entry (source id) */
	char list[16];          /**< short list code: EL MEU SDN DPL DTC ISN UVL SSI ... APPROVED BLOCK */
	char name[256];         /**< the entry's primary name */
	char matched_name[256]; /**< the name or alias of the entry that matched */
	double score;           /**< in [0, 1] */
	tg_hit_level level;
	int approved;           /**< 1 when the list is an approved-customer ("good") list */
	char explanation[512];  /**< normalised forms and score components, one line */
} tg_screen_hit;

typedef struct tg_screener tg_screener;

/**
 * Build the screening index from every list snapshot currently loaded in @p st (the latest snapshot of
 * each list). An empty store gives an empty screener. Owned by the caller (tg_screener_free).
 * @since 0.1
 */
TG_EXTERN int tg_screener_open(tg_screener **out, tg_store *st, tg_err *err);
TG_EXTERN void tg_screener_free(tg_screener *s);

/**
 * Screen one name (optionally with the party's ISO country, or NULL). Fills up to @p max hits at or
 * above their list's review threshold, best first; *n receives how many. Thread-safe on a const
 * screener. @since 0.1
 */
TG_EXTERN int tg_screen_name(tg_screen_hit *hits, size_t max, size_t *n, const tg_screener *s, const char *name,
			     const char *country, tg_err *err);

#endif
