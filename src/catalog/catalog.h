/* SPDX-License-Identifier: Apache-2.0 */
/* Interface of the catalogue module for the rest of libtg: item parsing shared by the catalogue
 * loader, spec parsing and the order parser (lines[i].spec), and file reading. */
#ifndef TG_SRC_CATALOG_H
#define TG_SRC_CATALOG_H

#include <jansson.h>
#include "tg/catalog.h"
#include "tg/file.h"

/* Largest catalogue or gates file read (bytes); larger fails with TG_ELIMIT. */
#define TG__CATALOG_MAX_BYTES (16u * 1024u * 1024u)
/* Most items in one catalogue; more fails with TG_ELIMIT. */
#define TG__CATALOG_MAX_ITEMS 10000u

/* Parse one item object in the lenient (spec) form: every figure may be a bare value or a sourced
 * {"value","source","confidence"} object; absent figures are unknown, an absent "datacenter" is
 * taken as true (so Note 2 is never granted by omission). @p prefix names obj in errors
 * ("lines[0].spec"). Fills *out completely. Returns TG_OK or TG_EINVALID naming the field. */
int tg__item_from_json(tg_item *out, const json_t *obj, const char *prefix, tg_err *err);

/* Same, in the strict catalogue form: every figure present and sourced, unknowns as explicit
 * null with confidence "U". */
int tg__item_from_json_strict(tg_item *out, const json_t *obj, const char *prefix, tg_err *err);

/* Check a sourced-fact object {"value","source","confidence"[,"note"]} at path; on success *val is
 * its (borrowed) value. With null_needs_u a JSON null value (unknown) needs confidence "U"; without
 * it null is a fact of its own (a date that never came: "not available in the US", tagged I).
 * TG_OK or TG_EINVALID. */
int tg__fact_unwrap(json_t **val, json_t *fact, const char *path, int null_needs_u, tg_err *err);

/* Is s one of the confidence tags P L N S C I E R DS U UNVERIFIED? */
int tg__confidence_valid(const char *s);

#endif
