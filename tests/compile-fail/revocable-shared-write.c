// SPDX-License-Identifier: GPL-2.0
/*
 * Misuse: an operation that receives its state const (it runs alongside
 * others) reaches a revocable object in it and writes the object. Through
 * a pointer to const, the access block names the object const, as Rust's
 * Revocable hands out a shared reference; changes go through a lock.
 * Checker: gcc
 * Expect: assignment of member .* in read-only object
 */
#include <linux/safe/lock.h>
#include <linux/safe/revocable.h>

struct cf_hw {
	u32 last;
	SAFE_MUTEX(regs, u32);
};

struct cf_dev {
	SAFE_REVOCABLE(hw, struct cf_hw);
};

int cf_revocable_shared_write(const struct cf_dev *dev, u32 v);
int cf_revocable_shared_write(const struct cf_dev *dev, u32 v)
{
	scoped_safe_access(&dev->hw, hw) {
#if MISUSE
		hw->last = v;
#else
		scoped_safe_lock(&hw->regs, regs)
			*regs = v;
#endif
		return 0;
	}
	return -ENODEV;
}
