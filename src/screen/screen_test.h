/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The screening module's TEST HEADER: what its benches (bench/screen) and tests may call besides the
 * public API (tg/screen.h) and the interface (screen_norm.h). Nothing else in libtg includes it; the
 * module's private header (screen_int.h) does, so that one declaration serves both.
 */
#ifndef TG_SCREEN_TEST_H
#define TG_SCREEN_TEST_H

#include <stddef.h>
#include <stdint.h>
#include "tg/screen.h"
#include "screen_norm.h"

/* The fuzzy index over what tg__sc_add_entry() added, without the store: every list at the default
 * thresholds, no overrides (tg__sc_seal() = thresholds, this, overrides). */
int tg__sc_finish(tg_screener *s, tg_err *err);

/* Size of a screener: its entries, its names (primary names and aliases), and the bytes it holds
 * (entries, names, strings, index). */
size_t tg__sc_entries(const tg_screener *s);
size_t tg__sc_names(const tg_screener *s);
size_t tg__sc_index_bytes(const tg_screener *s);
/* Entry i's list code and source id; name i as on the list, and the index of its entry. */
void tg__sc_entry_at(const tg_screener *s, size_t i, const char **list, const char **source_id);
const char *tg__sc_name_at(const tg_screener *s, size_t i, uint32_t *entry);

/* tg_screen_name() with a score floor instead of the lists' review thresholds when min >= 0. */
int tg__screen_name_min(tg_screen_hit *hits, size_t max, size_t *n, const tg_screener *s, const char *name,
			const char *country, double min, tg_err *err);
/* Score two names against each other with the screener's token weights (name-pair benches), b being
 * a person's name when person is 1 (as a list entry of type "individual"). */
double tg__sc_pair_score_kind(const tg_screener *s, const char *a, const char *b, int person);
/* Entries with a name whose normalised sorted-token key equals name's; fills up to max indexes. */
size_t tg__sc_exact_entries(uint32_t *out, size_t max, const tg_screener *s, const char *name);

#endif
