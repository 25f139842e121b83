// SPDX-License-Identifier: GPL-2.0
/*
 * Misuse: ignoring the result of a wait. It is -EAGAIN, -ERESTARTSYS or
 * -ENODEV when the condition does not hold, and an operation that went on
 * would take what is not there; the result must be used.
 * Checker: gcc
 * Expect: ignoring return value|unused-result
 */
#include <linux/module.h>
#include <linux/safe/chardev.h>
#include <linux/safe/lock.h>

struct cf_dev {
	SAFE_SPINLOCK(units, unsigned int);
};

struct cf_file {
	int pos;
};

DECLARE_SAFE_CHARDEV(cf, struct cf_dev, struct cf_file);

static bool cf_take(const struct cf_dev *dev)
{
	scoped_safe_lock(&dev->units, units) {
		if (!*units)
			return false;
		(*units)--;
	}
	return true;
}

static int cf_read(const struct cf_dev *dev, const struct cf_file *file,
		   struct safe_user_writer *to)
{
#if MISUSE
	safe_chardev_wait(cf, file, cf_take(dev));
	return 0;
#else
	return safe_chardev_wait(cf, file, cf_take(dev));
#endif
}

static const struct cf_chardev_ops cf_ops = { .read = cf_read };

struct safe_chardev_driver cf_driver = {
	.name = "cf",
	SAFE_CHARDEV_OPS(cf, &cf_ops),
};
