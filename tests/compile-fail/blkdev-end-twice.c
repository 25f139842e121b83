// SPDX-License-Identifier: GPL-2.0
/*
 * Misuse: ending one request twice in straight-line code. blk-mq would
 * complete it twice (a use after free of the request once its tag is
 * reused); safe_blk_end() clears the handle, and a second end of a handle
 * known to be cleared does not build.
 * Checker: gcc
 * Expect: already ended
 */
#include <linux/module.h>
#include <linux/safe/blkdev.h>

struct cf_dev {
	int unused;
};

struct cf_queue {
	int unused;
};

struct cf_rq {
	int unused;
};

DECLARE_SAFE_BLKDEV(cf, struct cf_dev, struct cf_queue, struct cf_rq);

static struct safe_blk_done cf_queue_rq(const struct cf_dev *dev,
					const struct cf_queue *queue,
					struct safe_blk_rq *rq)
{
#if MISUSE
	struct safe_blk_done done = safe_blk_end(rq, BLK_STS_OK);

	done = safe_blk_end(rq, BLK_STS_IOERR);
	return done;
#else
	if (safe_blk_rq_op(rq) == SAFE_BLK_OTHER)
		return safe_blk_end(rq, BLK_STS_NOTSUPP);
	return safe_blk_end(rq, BLK_STS_OK);
#endif
}

static const struct cf_blkdev_ops cf_ops = { .queue_rq = cf_queue_rq };

struct safe_blkdev_driver cf_driver = {
	.name = "cf",
	.max_instances = 1,
	SAFE_BLKDEV_OPS(cf, &cf_ops),
};
