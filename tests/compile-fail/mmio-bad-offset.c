// SPDX-License-Identifier: GPL-2.0
/*
 * Misuse: a register access the window cannot hold, at a constant offset:
 * past the end (1), straddling the end (2), misaligned (3), or an offset
 * computed at run time through the constant-offset helper (4), which must
 * go through safe_mmio_try_read32() and handle its error.
 * Checker: gcc
 * Misuses: 4
 * Expect: negative width in bit-field|bit-field .* width not an integer constant
 */
#include <linux/safe/mmio.h>

#define CF_WINDOW	0x100

struct cf_hw {
	SAFE_MMIO(regs, CF_WINDOW);
};

u32 cf_mmio_read(const struct cf_hw *hw, size_t i);
u32 cf_mmio_read(const struct cf_hw *hw, size_t i)
{
	u32 val = 0;

#if MISUSE == 1
	return safe_mmio_read32(&hw->regs, CF_WINDOW);
#elif MISUSE == 2
	return safe_mmio_read32(&hw->regs, CF_WINDOW - 2);
#elif MISUSE == 3
	return safe_mmio_read32(&hw->regs, 0x22);
#elif MISUSE == 4
	return safe_mmio_read32(&hw->regs, 4 * i);
#else
	if (safe_mmio_try_read32(&hw->regs, 4 * i, &val))
		return 0;
	return val + safe_mmio_read32(&hw->regs, CF_WINDOW - 4);
#endif
}
