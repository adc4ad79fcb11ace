/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file tg/lists.h
 * @brief Restricted-party lists: load official list files into versioned snapshots in the store.
 *
 * Each load of one file is one snapshot (list name, source, format, SHA-256 of the content, time of
 * loading, counts), written in one transaction: all of it or nothing. The screener (tg/screen.h)
 * reads the latest snapshot of each list name.
 */
#ifndef TG_LISTS_H
#define TG_LISTS_H

#include "tg/common.h"
#include "tg/errors.h"
#include "tg/store.h"

/** List file formats. TG_LIST_FORMAT_AUTO detects the format from the content. */
typedef enum tg_list_format {
	TG_LIST_FORMAT_AUTO = 0,
	TG_LIST_FORMAT_CSL_CSV = 1,    /**< trade.gov Consolidated Screening List, CSV (29 columns) */
	TG_LIST_FORMAT_OFAC_CSV = 2,   /**< OFAC legacy sdn.csv (+ add.csv, alt.csv beside it), Latin-1 */
	TG_LIST_FORMAT_OFAC_XML = 3,   /**< OFAC enhanced XML (SDN_ENHANCED / CONS_ENHANCED), zipped or not */
	TG_LIST_FORMAT_TG_JSON = 4,    /**< tollgate in-house list JSON (docs/lists.md) */
	TG_LIST_FORMAT_KAIST_JSON = 5, /**< the KAIST restricted_parties.json compilation */
	TG_LIST_FORMAT_CSL_JSON = 6    /**< trade.gov CSL JSON ({"results":[...]}) */
} tg_list_format;

/** Short name of a format ("csl-csv", ...), "auto" for AUTO, NULL if unknown. @since 0.1 */
TG_EXTERN const char *tg_list_format_name(tg_list_format f);
/** Parse a format name as printed by tg_list_format_name(); TG_EINVALID if unknown. @since 0.1 */
TG_EXTERN int tg_list_format_parse(tg_list_format *out, const char *name, tg_err *err);

/** Called once per rejected record: file, 1-based line (0 if not line-based) and a one-line reason. */
typedef void (*tg_list_problem_fn)(const char *file, long line, const char *msg, void *payload);

/** Options of tg_lists_load(). Initialise with TG_LIST_LOAD_OPTS_INIT; fields are only appended. */
typedef struct tg_list_load_opts {
	unsigned version;           /**< 1 */
	tg_list_format format;      /**< AUTO = detect from the content */
	int strict;                 /**< 1 = any malformed record rejects the whole load (TG_EINVALID) */
	const char *name;           /**< snapshot (list) name; NULL = a default per format ("csl", "ofac-sdn"...) */
	tg_list_problem_fn problem; /**< may be NULL: problems are then only counted */
	void *payload;              /**< passed to @c problem */
	const char *actor;          /**< who loads, for the audit log; NULL = $TOLLGATE_ACTOR, else $USER */
} tg_list_load_opts;

/* clang-format off */
#define TG_LIST_LOAD_OPTS_INIT {1, TG_LIST_FORMAT_AUTO, 0, NULL, NULL, NULL, NULL}
/* clang-format on */

/** One snapshot as recorded in the store. */
typedef struct tg_list_snapshot {
	int64_t id;         /**< increasing with each load */
	char name[64];      /**< list name (several loads of one name = its versions) */
	char source[512];   /**< path or URL the content came from */
	char format[16];    /**< tg_list_format_name() */
	char hash[65];      /**< SHA-256 of the content, lower-case hex */
	char loaded_at[32]; /**< UTC, ISO 8601 (YYYY-MM-DDTHH:MM:SSZ) */
	int64_t rows;       /**< data records read */
	int64_t entries;    /**< entries stored */
	int64_t errors;     /**< records rejected (reported through the problem callback) */
} tg_list_snapshot;

/**
 * Load the list file at @p path into a new snapshot of @p st and describe it in @p out. In the same
 * transaction, re-screen the recorded parties against what changed since the previous snapshot of the
 * same name and store that report (tg/rescreen.h; since 0.3).
 * @return TG_OK; TG_EIO (cannot read); TG_EINVALID (unknown format, no usable record, with
 *         opts->strict a malformed record: err->line names it, or a malformed screening thresholds
 *         file when parties are re-screened); TG_EDB; TG_ENOMEM. On failure the store is unchanged.
 *         @since 0.1
 */
TG_EXTERN int tg_lists_load(tg_list_snapshot *out, tg_store *st, const char *path, const tg_list_load_opts *opts,
			    tg_err *err);

/**
 * Every snapshot in the store, oldest first, in a caller-owned array (free with tg_lists_free()).
 * @return TG_OK, TG_EDB, TG_ENOMEM. @since 0.1
 */
TG_EXTERN int tg_lists_snapshots(tg_list_snapshot **out, size_t *n, tg_store *st, tg_err *err);

/** Release an array returned by tg_lists_snapshots(); NULL is a no-op. @since 0.1 */
TG_EXTERN void tg_lists_free(tg_list_snapshot *snaps);

#endif
