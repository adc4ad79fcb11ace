/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file tg/file.h
 * @brief Reading a whole input file: the one reader of the library and the CLI.
 */
#ifndef TG_FILE_H
#define TG_FILE_H

#include <stddef.h>
#include "tg/common.h"
#include "tg/errors.h"

/**
 * Read all of @p path ("-" = standard input) into @p out, NUL-terminated (the NUL is not counted in
 * @p len). Reads in chunks, so pipes and other non-seekable files work. Release with tg_free().
 * @param max the most bytes accepted; a larger input is TG_ELIMIT "<path>: larger than <max> bytes".
 * @return TG_OK, TG_EIO ("cannot open <path>: <reason>", "cannot read <path>"), TG_ELIMIT, TG_ENOMEM.
 * @since 0.3
 */
TG_EXTERN int tg_file_read(char **out, size_t *len, const char *path, size_t max, tg_err *err);

#endif
