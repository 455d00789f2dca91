/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace stand-in for the kernel's <linux/bits.h>, so that xpoctl uses
 * the driver's own drivers/xpo/cmis.h and xpo_model.h (one memory map for
 * the driver, the emulator and the tool), as the kernel's tools/include does.
 */
#ifndef XPOCTL_LINUX_BITS_H
#define XPOCTL_LINUX_BITS_H

#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef int16_t s16;

#define BIT(n)		(1U << (n))
#define GENMASK(h, l)	(((~0U) << (l)) & (~0U >> (31 - (h))))

#endif
