/* SPDX-License-Identifier: Apache-2.0 */
/** @file tg/common.h @brief Export macro and shared basic types of the public API. */
#ifndef TG_COMMON_H
#define TG_COMMON_H

#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#define TG_EXTERN __attribute__((visibility("default"))) extern
#else
#define TG_EXTERN extern
#endif

#endif
