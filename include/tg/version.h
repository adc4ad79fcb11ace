/* SPDX-License-Identifier: Apache-2.0 */
/** @file tg/version.h @brief Compile-time and run-time version of libtg. */
#ifndef TG_VERSION_H
#define TG_VERSION_H

#include "tg/common.h"

#define TG_VERSION "0.1.0"
#define TG_VERSION_MAJOR 0
#define TG_VERSION_MINOR 1
#define TG_VERSION_PATCH 0
/** 0xXXYYZZ: major, minor, patch. */
#define TG_VERSION_NUM 0x000100

/** The TG_VERSION_NUM the library was built with. @since 0.1 */
TG_EXTERN int tg_version_num(void);

#endif
