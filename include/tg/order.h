/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file tg/order.h
 * @brief Orders: the JSON document a decision is made on (format in README "Order format").
 */
#ifndef TG_ORDER_H
#define TG_ORDER_H

#include "tg/catalog.h"
#include "tg/common.h"
#include "tg/date.h"
#include "tg/dec.h"
#include "tg/errors.h"

typedef enum tg_role {
	TG_ROLE_PURCHASER,
	TG_ROLE_ULTIMATE_CONSIGNEE,
	TG_ROLE_END_USER,
	TG_ROLE_INTERMEDIATE_CONSIGNEE,
	TG_ROLE_FREIGHT_FORWARDER,
	TG_ROLE_COUNT
} tg_role;

typedef enum tg_sector {
	TG_SECTOR_UNSPECIFIED,
	TG_SECTOR_PRIVATE,
	TG_SECTOR_PUBLIC,
	TG_SECTOR_STATE_OWNED,
	TG_SECTOR_MILITARY,
	TG_SECTOR_RESEARCH,
	TG_SECTOR_COUNT
} tg_sector;

typedef enum tg_end_use {
	TG_USE_DATACENTER,
	TG_USE_AI_TRAINING,
	TG_USE_RESEARCH,
	TG_USE_CONSUMER,
	TG_USE_EVALUATION,
	TG_USE_MILITARY,
	TG_USE_OTHER,
	TG_USE_COUNT
} tg_end_use;

typedef struct tg_party {
	tg_role role;
	const char *name; /**< borrowed from the order */
	char country[3];
	char hq_country[3]; /**< ultimate parent's HQ; defaults to country */
	tg_sector sector;
	int state_funded;
} tg_party;

typedef struct tg_order_line {
	const char *item; /**< catalogue id, or the spec's id */
	int has_spec;     /**< 1 when the line carries its own spec */
	tg_item spec;     /**< the spec (only when has_spec) */
	int64_t quantity; /**< > 0 */
	tg_dec unit_value;
	char currency[4]; /**< ISO 4217 upper case */
	int has_customs_value;
	tg_dec customs_value; /**< charge base when given */
} tg_order_line;

/** A parsed order. Strings are borrowed from the order and live until tg_order_free. */
typedef struct tg_order {
	const char *id;
	tg_date date;
	const char *exporter_name;
	char exporter_country[3];
	char ship_from[3];
	char destination[3];
	tg_end_use end_use;
	tg_party *parties;
	size_t nparties;
	tg_order_line *lines;
	size_t nlines;
	char content_hash[65]; /**< hex SHA-256 of the canonical JSON (sorted keys, compact) */
	char *canonical;       /**< the canonical JSON text */
	void *json_;           /**< private: the parsed document */
} tg_order;

#define TG_ORDER_MAX_LINES 1000
#define TG_ORDER_MAX_PARTIES 32

/**
 * Parse and validate an order from JSON text. Every problem is reported as TG_EINVALID with the field
 * path (`lines[0].quantity`) and, for syntax errors, line and column. @p out is owned by the caller
 * (tg_order_free). @since 0.1
 */
TG_EXTERN int tg_order_parse(tg_order **out, const char *json, size_t len, tg_err *err);
TG_EXTERN void tg_order_free(tg_order *o);

TG_EXTERN const char *tg_role_name(tg_role r);
TG_EXTERN const char *tg_sector_name(tg_sector s);
TG_EXTERN const char *tg_end_use_name(tg_end_use u);

#endif
