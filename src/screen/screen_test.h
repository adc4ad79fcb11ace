/* SPDX-License-Identifier: Apache-2.0 */
/* The screening module's documented test header: what its unit tests and bench/screen may use to look
 * inside a screener (the index, its scores and memory figures) beyond the public tg/screen.h. Nothing
 * in src/ includes it; it changes with the module and promises no stability. */
#ifndef TG_SCREEN_SCREEN_TEST_H
#define TG_SCREEN_SCREEN_TEST_H

#include "screen_int.h"

#endif
