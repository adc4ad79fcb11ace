/* SPDX-License-Identifier: Apache-2.0 */
/* Private header of the custody modules (licences, inspection, shipments, trace): the shipment context
 * shared by ship.c (parse and orchestration), ship_check.c (the refusal reasons) and ship_write.c (the
 * writes and the receipt), the statements of the *_store.c files and the module side of tg/ship.h. */
#ifndef TG_CUSTODY_CUSTODY_H
#define TG_CUSTODY_CUSTODY_H

#include <jansson.h>
#include "ctx.h"
#include "tg/order.h"
#include "tg/ship.h"
#include "store.h"

#define TG_SHIP_MAX_SERIALS 100000
#define TG_SHIP_MAX_REASONS 200

typedef struct ship_line {
	const char *item;
	const json_t *serials;
	int64_t qty;
	int order_line; /* index of the order's first line with this item, or -1 */
	int64_t value;  /* micros: qty x the order line's unit value */
	char currency[4];
} ship_line;

/* Recorded orders and decisions are immutable: a batch parses each order once. */
typedef struct ship_cache {
	char order_id[256];
	tg_order *order;
	json_t *decision;
} ship_cache;

typedef struct ship_ctx {
	const tg__ctx *cx;
	tg_store *st;
	json_t *root;
	char *canon;
	char hash[65];
	const char *id, *order_id, *license_id; /* license_id NULL when the shipment names none */
	tg_date date;
	char datestr[11];
	ship_line *lines;
	size_t nlines;
	tg_order *order;   /* the recorded order, or NULL */
	json_t *decision;  /* its recorded decision, or NULL */
	ship_cache *cache; /* batch cache, or NULL; when it owns order and decision, borrowed = 1 */
	int borrowed;
	int wrote; /* 1 once tg__ship_write has started writing: a later failure spoils the batch */
	char exporter_norm[512];
	json_t *reasons;
	int replayed;
} ship_ctx;

/* Add a refusal reason (message formatted). Returns 0, or TG_ENOMEM. */
int tg__ship_reason(ship_ctx *c, const char *code, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;
/* Load the recorded order and decision and run every check; reasons collect in c->reasons. */
int tg__ship_check(ship_ctx *c, tg_err *err);
/* Write the released shipment (lines, serials, licence depletion, China volume, ledger, audit) and
 * append the receipt to out. */
int tg__ship_write(tg_buf *out, ship_ctx *c, tg_err *err);
/* Is cc China for the volume cap (CN, MO, and HK which the policy treats as China)? */
int tg__ship_is_china(const char *cc);

/* Schema steps (inspect_store.c, ship_store.c), listed in order by engine/engine_schema.c. */
extern const char tg__inspect_schema_1[];
extern const char tg__ship_schema_1[];

/* The module side of the public custody functions of include/tg/ (the engine wraps them, src/engine/). */
int tg__inspect_record(tg_buf *out, const tg__ctx *cx, const char *json, size_t len, tg_err *err);
int tg__license_add(tg_buf *out, const tg__ctx *cx, const char *json, size_t len, tg_err *err);
int tg__license_customers(tg_buf *out, const tg__ctx *cx, tg_err *err);
int tg__license_list(tg_buf *out, const tg__ctx *cx, tg_err *err);
int tg__license_revoke(const tg__ctx *cx, const char *id, const char *reason, tg_err *err);
int tg__license_show(tg_buf *out, const tg__ctx *cx, const char *id, tg_err *err);
int tg__ship(tg_buf *out, const tg__ctx *cx, const char *json, size_t len, tg_err *err);
int tg__ship_many(tg_ship_result *res, size_t n, const tg__ctx *cx, const char *const *texts, const size_t *lens,
		  tg_err *err);
int tg__ship_return(tg_buf *out, const tg__ctx *cx, const char *id, const char *status, const char *reason,
		    tg_err *err);
int tg__ship_show(tg_buf *out, const tg__ctx *cx, const char *id, tg_err *err);
int tg__trace(tg_buf *out, const tg__ctx *cx, const char *serial, tg_err *err);
int tg__trace_report(tg_buf *out, const tg__ctx *cx, const char *serial, const char *seen_at, const char *note,
		     tg_err *err);
int tg__us_volume_record(const tg__ctx *cx, const char *exporter, const char *item, int64_t quantity,
			 const char *period, tg_err *err);

/* SQL statements (inspect_store.c). */
extern const char tg__inspect_sql_q[];
extern const char tg__inspect_sql_sel[];
extern const char tg__inspect_sql_ins[];

/* SQL statements (license_store.c). */
extern const char tg__license_sql_q[];
extern const char tg__license_sql_q2[];
extern const char tg__license_sql_q3[];
extern const char tg__license_sql_q4[];
extern const char tg__license_match_sql_q[];
extern const char tg__license_match_sql_q2[];
extern const char tg__license_match_sql_q3[];
extern const char tg__license_show_sql_q[];
extern const char tg__license_show_sql_q2[];
extern const char tg__license_show_sql_q3[];
extern const char tg__license_show_sql_sel[];
extern const char tg__license_show_sql_upd[];
extern const char tg__license_show_sql_q4[];

/* SQL statements (ship_store.c). */
extern const char tg__ship_sql_q[];
extern const char tg__ship_check_sql_q[];
extern const char tg__ship_check_sql_q2[];
extern const char tg__ship_check_sql_q3[];
extern const char tg__ship_check_sql_q4[];
extern const char tg__ship_check_sql_q5[];
extern const char tg__ship_check_sql_q6[];
extern const char tg__ship_check_sql_cn_sql[];
extern const char tg__ship_check_sql_us_sql[];
extern const char tg__ship_more_sql_q[];
extern const char tg__ship_more_sql_sel[];
extern const char tg__ship_more_sql_upd[];
extern const char tg__ship_more_sql_sel2[];
extern const char tg__ship_more_sql_ups[];
extern const char tg__trace_sql_q[];
extern const char tg__trace_sql_q2[];
extern const char tg__trace_sql_q3[];
extern const char tg__trace_sql_q4[];
extern const char tg__trace_sql_ins[];
extern const char tg__trace_sql_upd[];
extern const char tg__trace_sql_ins2[];
extern const char tg__ship_write_sql_ins_line[];
extern const char tg__ship_write_sql_ins_serial[];
extern const char tg__ship_write_sql_upd_lic[];
extern const char tg__ship_write_sql_upd_cn[];
extern const char tg__ship_write_sql_upd_ord[];
extern const char tg__ship_write_sql_q[];

#endif
