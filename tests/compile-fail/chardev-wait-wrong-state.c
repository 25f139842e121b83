// SPDX-License-Identifier: GPL-2.0
/*
 * Misuse: waiting with the device state where the file state belongs.
 * The class finds the file's record from the state it is handed, so a
 * state of another type would be read as a record; the waiting helpers
 * are generated per driver and take only its file state type.
 * Checker: gcc
 * Expect: incompatible pointer type|incompatible-pointer-types
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

static bool cf_ready(const struct cf_dev *dev)
{
	scoped_safe_lock(&dev->units, units)
		return *units;
	return false;
}

static int cf_read(const struct cf_dev *dev, const struct cf_file *file,
		   struct safe_user_writer *to)
{
#if MISUSE
	return safe_chardev_wait(cf, dev, cf_ready(dev));
#else
	return safe_chardev_wait(cf, file, cf_ready(dev));
#endif
}

static const struct cf_chardev_ops cf_ops = { .read = cf_read };

struct safe_chardev_driver cf_driver = {
	.name = "cf",
	SAFE_CHARDEV_OPS(cf, &cf_ops),
};
