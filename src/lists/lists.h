/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The lists module's header (its one header: the rest of libtg and the module's own files use it).
 * For the engine: read a list file (tg__lists_open) and write it as a snapshot inside the engine's
 * transaction (tg__lists_write). For screening: the stored entries (tg__lists_latest, tg__lists_diff
 * and the look-ups beside them): screening reads lists' data only through these. Inside the module:
 * the base (lists.c: format names, the parsers' sink), loading (lists_load.c) and the per-format
 * parsers (lists_<format>.c). A parser turns a file's bytes into normalised entries and hands each to
 * the sink; malformed records go to the sink's problem function, which under --strict turns them into
 * a failure of the whole load.
 */
#ifndef TG_LISTS_INT_H
#define TG_LISTS_INT_H

#include "tg/buf.h"
#include "tg/lists.h"
#include "err.h"

/* A list file read into memory with its format known, before any transaction is opened. */
typedef struct tg__list_file {
	char *data; /* the whole file, NUL-terminated (owned) */
	size_t n;
	const char *path;              /* as given: path or URL (borrowed) */
	tg_list_format fmt;            /* never AUTO */
	const tg_list_load_opts *opts; /* never NULL (borrowed) */
	const char *actor;             /* who loads: opts->actor, else $TOLLGATE_ACTOR, else $USER, else "unknown" */
} tg__list_file;

/* Read path (a file, or a URL through lists_url.c; 1 GiB at most) and detect its format unless opts
 * names it. TG_EIO, TG_ELIMIT, TG_ENOMEM, TG_EINVALID (unknown format). Release with tg__lists_close()
 * whatever it returns. */
int tg__lists_open(tg__list_file *f, const char *path, const tg_list_load_opts *opts, tg_err *err);
void tg__lists_close(tg__list_file *f);
/* Write f as a new snapshot (described in out) with its entries and its audit entry, inside the
 * caller's write transaction: the caller commits, or rolls back on failure. TG_EINVALID (no usable
 * record; under opts->strict a malformed record), TG_EDB, TG_ENOMEM. */
int tg__lists_write(tg_list_snapshot *out, tg_store *st, const tg__list_file *f, tg_err *err);

/* One stored entry as screening reads it; every field borrowed until the callback returns. */
typedef struct tg__list_row {
	const char *source_id, *list, *type;
	const char *names;     /* '\n'-separated, primary first */
	const char *countries; /* '\n'-separated ISO codes */
	const char *key_hash;
	int changed; /* tg__lists_diff only: the other snapshot has the entry too, other key fields */
} tg__list_row;
/* Called once per row; a negative return stops the walk and is returned (TG_ENOMEM is then set in err). */
typedef int (*tg__list_row_fn)(const tg__list_row *r, void *payload);

/* Every entry of the latest snapshot of each list name, by snapshot, then in file order. */
int tg__lists_latest(tg_store *st, tg__list_row_fn fn, void *payload, tg_err *err);
/* The entries of snapshot a without an equal (list, source id, key hash) in snapshot b, in file order. */
int tg__lists_diff(tg_store *st, int64_t a, int64_t b, tg__list_row_fn fn, void *payload, tg_err *err);
/* The snapshot of the same name loaded before snap into *out (0 = none). TG_OK, TG_EDB. */
int tg__lists_previous(int64_t *out, tg_store *st, const char *name, int64_t snap, tg_err *err);
/* The key hash of entry (list, id) in the latest snapshots (the newest one that has it) into out:
 * 1 found, 0 not, < 0 TG_EDB. */
int tg__lists_key_hash(char out[65], tg_store *st, const char *list, const char *id, tg_err *err);
/* Does a latest snapshot hold entry (list, id) with this key hash? 1, 0, or < 0 TG_EDB. */
int tg__lists_has_entry(tg_store *st, const char *list, const char *id, const char *key_hash, tg_err *err);

/* One list entry as a parser produces it. Multi-valued fields are '\n'-separated; all borrowed. */
typedef struct tg__list_entry {
	const char *source_id; /* the list's own id of the entry */
	const char *list;      /* short list code: EL MEU SDN DPL DTC ISN UVL SSI PLC CMIC CAP NS-MBS FSE ... */
	const char *type;      /* individual, entity, vessel, aircraft or "" */
	const char *names;     /* primary name first, then aliases (cleaned, de-duplicated) */
	const char *addresses;
	const char *countries; /* ISO 3166-1 alpha-2 codes */
	const char *programs;
	const char *fr_cite;    /* Federal Register citation(s) */
	const char *start_date; /* YYYY-MM-DD or "" */
	const char *scripts;    /* names written in a non-Latin script, one per line "<script>\t<name>" (each also
				 * in names); NULL or "" if none. Parser-side only: list_entries has no column yet */
} tg__list_entry;

typedef struct tg__list_sink tg__list_sink;
struct tg__list_sink {
	/* Store one entry; < 0 aborts the load. */
	int (*entry)(tg__list_sink *k, const tg__list_entry *e, tg_err *err);
	const char *file; /* for problem reports */
	const tg_list_load_opts *opts;
	const char *path; /* the main file; parsers of multi-file sets open siblings from it */
	void *hash_ctx;   /* content hash (EVP_MD_CTX): parsers add sibling files with tg__lists_hash */
	int64_t rows, entries, errors;
	char name[64]; /* default list name a parser may set (e.g. from the file); "" = per format */
	int64_t snapshot_id;
	void *payload;
};

/* Report a malformed record (file, line, reason); counts it. Under strict: TG_EINVALID (err names
 * file and line), else TG_OK so the parser skips the record and goes on. */
int tg__lists_problem(tg__list_sink *k, long line, const char *msg, tg_err *err);
/* Add bytes to the snapshot's content hash. */
void tg__lists_hash(tg__list_sink *k, const void *data, size_t n);
/* Is path a URL (http://, https://, file://)? Fetch one into *out (tg__malloc'd, 1 GiB at most;
 * lists_url.c). */
int tg__lists_is_url(const char *path);
int tg__lists_fetch_url(char **out, size_t *n, const char *url, tg_err *err);

/* Helpers for building entries (lists_clean.c). */
/* Append one value to a '\n'-separated list unless empty or already present (case-insensitive);
 * the value is trimmed and has inner runs of white space collapsed. */
int tg__lists_add_value(tg_buf *b, const char *v, size_t n);
/* Add a name as an alias-list value after cleaning list quirks ("and X", "a.k.a."). Also adds the
 * form without a trailing parenthesis and the parenthesised short form ("Huawei Technologies Co.,
 * Ltd. (Huawei)" gives both and "Huawei"). */
int tg__lists_add_name(tg_buf *b, const char *v, size_t n);
/* Short list code for a CSL "source" text ("Entity List (EL) - Bureau ..." -> "EL"). */
void tg__lists_code(char out[16], const char *source);
/* For the JSON parsers: the string member key of object o, or "" (absent, or not a string); and each
 * string of v, an array of strings or one string, added through fn (tg__lists_add_value, _add_name). */
struct json_t;
const char *tg__lists_jstr(const struct json_t *o, const char *key);
int tg__lists_add_strings(tg_buf *b, const struct json_t *v, int (*fn)(tg_buf *, const char *, size_t));

/* Store side (lists_store.c). k->payload is the tg_store. */
int tg__lists_entry_insert(tg__list_sink *k, const tg__list_entry *e, tg_err *err);
/* Insert the snapshot row (id assigned into s->id) / record its final counts, name and hash. */
int tg__lists_snapshot_insert(tg_list_snapshot *s, tg_store *st, tg_err *err);
int tg__lists_snapshot_finish(const tg_list_snapshot *s, tg_store *st, tg_err *err);

/* ISO 3166-1 alpha-2 code of a country name in English or Korean (lists_country.c), or NULL. */
const char *tg__lists_country_iso(const char *name, size_t n);

/* Parsers: each reads data[0..n) (the file at k->path) and feeds k. */
int tg__lists_parse_csl_csv(tg__list_sink *k, const char *data, size_t n, tg_err *err);
int tg__lists_parse_tg_json(tg__list_sink *k, const char *data, size_t n, tg_err *err);
int tg__lists_parse_kaist_json(tg__list_sink *k, const char *data, size_t n, tg_err *err);
int tg__lists_parse_ofac_csv(tg__list_sink *k, const char *data, size_t n, tg_err *err);
int tg__lists_parse_csl_json(tg__list_sink *k, const char *data, size_t n, tg_err *err);
/* OFAC enhanced XML, plain or a zip holding *_ENHANCED.XML (lists_ofac_xml.c). */
int tg__lists_parse_ofac_xml(tg__list_sink *k, const char *data, size_t n, tg_err *err);
/* Is data an XML document whose root element is OFAC's <sanctionsData>? (for format detection) */
int tg__lists_ofac_xml_detect(const char *data, size_t n);

/* One member of an in-memory zip archive read sequentially (lists_zip.c). */
typedef struct tg__zip_member tg__zip_member;
/* Does data start with the zip local-header magic? */
int tg__lists_is_zip(const char *data, size_t n);
/* Is data a zip with a member named *ENHANCED*.XML (case-insensitive)? */
int tg__lists_zip_has_enhanced_xml(const char *data, size_t n);
/* Open the first *ENHANCED*.XML member of the zip in data (else its first *.XML); its name goes to
 * name. data must outlive *out. Reads past max uncompressed bytes fail. TG_EINVALID, TG_ENOMEM. */
int tg__lists_zip_open(tg__zip_member **out, char *name, size_t name_n, const char *data, size_t n, uint64_t max,
		       tg_err *err);
/* Read up to n bytes: count, 0 at the end, -1 on error (then tg__lists_zip_error describes it). */
long tg__lists_zip_read(tg__zip_member *z, char *buf, size_t n);
int tg__lists_zip_failed(const tg__zip_member *z);
/* Set err from a failed read: TG_ELIMIT (over max) or TG_EINVALID (corrupt member). */
int tg__lists_zip_error(const tg__zip_member *z, tg_err *err);
void tg__lists_zip_close(tg__zip_member *z);

/* Schema steps (lists_store.c), listed in order by engine/engine_schema.c. */
extern const char tg__lists_schema_1[];
extern const char tg__lists_schema_4[];

#endif
