/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file tg/errors.h
 * @brief Error model of libtg: negative return codes plus a caller-owned detail record.
 *
 * Every fallible function returns TG_OK (0) or one of the negative codes below, and, when the
 * caller passed a non-NULL `tg_err *`, fills it with a one-line message and, for input errors,
 * the path of the offending field (`lines[0].quantity`). Codes are never renumbered or reused.
 */
#ifndef TG_ERRORS_H
#define TG_ERRORS_H

#ifdef __cplusplus
extern "C" {
#endif

#include "tg/common.h"

/** Return codes. Never renumbered, never reused: retire a code by renaming it TG_EOBSOLETEnn. */
typedef enum tg_code {
	TG_OK = 0,         /**< success */
	TG_ENOTFOUND = -1, /**< the named thing does not exist */
	TG_EEXISTS = -2,   /**< the thing already exists (and may not be replaced) */
	TG_EINVALID = -3,  /**< the input is malformed or violates a rule; `field` names it */
	TG_ECONFLICT = -4, /**< the input conflicts with recorded state (same id, other content) */
	TG_ELIMIT = -5,    /**< an input-fed size or count limit was exceeded */
	TG_ENOMEM = -6,    /**< an allocation failed */
	TG_EIO = -7,       /**< a file or stream could not be read or written */
	TG_EDB = -8,       /**< the store failed */
	TG_EINTERNAL = -9, /**< a bug or an impossible state */
	TG_EREFUSED = -10  /**< a well-formed request refused by a business rule (e.g. shipment) */
} tg_code;

/** Detail of the last failure of one call. Caller-owned; never allocated on the error path. */
typedef struct tg_err {
	int code;       /**< the tg_code returned */
	char msg[256];  /**< one line, no trailing newline */
	char field[64]; /**< path of the offending input field, or "" */
	int line;       /**< 1-based input line for parse errors, or 0 */
	int column;     /**< 1-based input column for parse errors, or 0 */
} tg_err;

/** A cleared tg_err for stack initialisation. */
/* clang-format off */
#define TG_ERR_INIT {0, {0}, {0}, 0, 0}
/* clang-format on */

/**
 * Static English text for a code ("not found", ...). Never NULL.
 * @since 0.1
 */
TG_EXTERN const char *tg_strerror(int code);

/**
 * Stable machine name of a code for JSON: "ok" "not_found" "exists" "invalid" "conflict" "limit"
 * "no_memory" "io" "store" "internal" "refused". Never NULL. @since 0.1
 */
TG_EXTERN const char *tg_code_name(int code);

/** Reset @p err to TG_ERR_INIT (NULL is a no-op). @since 0.1 */
TG_EXTERN void tg_err_clear(tg_err *err);

struct tg_buf;
/**
 * Append @p err as a JSON object {"line"?,"error":{"code","field","message"}} where code is the
 * tg_code_name and field is null when empty; "line" only when @p line > 0. @since 0.1
 */
TG_EXTERN int tg_err_json(struct tg_buf *out, const tg_err *err, long line);

#ifdef __cplusplus
}
#endif
#endif
