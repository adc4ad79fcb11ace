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
	int approved;          /**< 1 when the list is an approved-customer ("good") list */
	char explanation[512]; /**< normalised forms and score components, one line */
	char override[16];     /**< "" none; "true_match" confirmed by a reviewer; "lapsed" a false-positive
				     decision no longer applies because the entry's key fields changed @since 0.1 */
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

/** A reviewer's decision on a (party name, list entry) pair. */
typedef enum tg_screen_decision {
	TG_SCREEN_FALSE_POSITIVE = 1, /**< not this party: the hit is suppressed until the entry's key fields change */
	TG_SCREEN_TRUE_MATCH = 2      /**< confirmed: the hit is always reported, at block level */
} tg_screen_decision;

/** One recorded decision (tg_screen_overrides()). */
typedef struct tg_screen_override_rec {
	int64_t id;
	char party_name[256];
	char list[16];
	char entity_id[64];
	char key_hash[65]; /**< the entry's key-field hash when decided */
	char decision[16]; /**< "false_positive" or "true_match" */
	char reason[256];
	char reviewer[64];
	char decided_at[32]; /**< UTC, ISO 8601 */
	int current;         /**< 1 if the entry still has this key hash in the latest snapshot */
} tg_screen_override_rec;

/**
 * Record a decision on the pair (@p party_name, entry @p entity_id of list @p list), with the
 * entry's current key-field hash. Decisions are never deleted: the latest for a pair applies to
 * screeners opened afterwards. @return TG_OK; TG_ENOTFOUND (no such entry in the latest snapshots);
 * TG_EINVALID (empty party, reason or reviewer); TG_EDB. @since 0.1
 */
TG_EXTERN int tg_screen_override(tg_store *st, const char *party_name, const char *list, const char *entity_id,
				 tg_screen_decision decision, const char *reason, const char *reviewer, tg_err *err);

/** Every recorded decision, oldest first; caller frees with tg_screen_overrides_free(). @since 0.1 */
TG_EXTERN int tg_screen_overrides(tg_screen_override_rec **out, size_t *n, tg_store *st, tg_err *err);
TG_EXTERN void tg_screen_overrides_free(tg_screen_override_rec *v);

/** The review and block thresholds of one list code (tg_screen_thresholds()). */
typedef struct tg_screen_threshold {
	char list[16]; /**< list code (EL, SDN, APPROVED...), or "" for the default of every list not named */
	double review; /**< a hit at or above it is reported (review) */
	double block;  /**< a hit at or above it is at block level */
} tg_screen_threshold;

/**
 * The thresholds in force, as screeners opened now apply them: the default first (list ""), then every
 * list named in policy/screening/thresholds.json (under $TOLLGATE_DATA_DIR, else the data directory
 * built in), by list code. @p source receives the file's path, or "" when there is no file (built-in
 * defaults 0.85 / 0.95). *out is owned by the caller (tg_screen_thresholds_free()).
 * @return TG_OK; TG_EINVALID (a malformed file: the message names the file and the field); TG_ENOMEM.
 * @since 0.3
 */
TG_EXTERN int tg_screen_thresholds(tg_screen_threshold **out, size_t *n, char source[1024], tg_err *err);
/** Release an array returned by tg_screen_thresholds(); NULL is a no-op. @since 0.3 */
TG_EXTERN void tg_screen_thresholds_free(tg_screen_threshold *v);

#endif
