// SPDX-License-Identifier: GPL-2.0
/*
 * insn-profile: a QEMU TCG plugin for make bench that counts the guest
 * instructions executed at each translation block, for the report to add
 * up by function (bench/report.py, "Where the instructions go").
 *
 * Load it with "-plugin insn-profile.so,out=FILE": at exit it writes one
 * line per block that ran, "ADDRESS INSTRUCTIONS EXECUTIONS" (the address
 * in hex, the block's instruction count, how often it ran). A block is
 * counted by a counter QEMU adds to inline, without a call; the counters
 * are shared by the vCPUs, so boot the guest with one vCPU for exact
 * counts.
 *
 * QEMU's plugin API is C and stable within a version: the few functions
 * used are declared here (QEMU_PLUGIN_VERSION 1, as QEMU 7.2 has it), so
 * no QEMU headers are needed to build it.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint64_t qemu_plugin_id_t;
struct qemu_plugin_tb;
enum qemu_plugin_op { QEMU_PLUGIN_INLINE_ADD_U64 };

void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id,
		void (*cb)(qemu_plugin_id_t id, struct qemu_plugin_tb *tb));
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id,
		void (*cb)(qemu_plugin_id_t id, void *data), void *data);
void qemu_plugin_register_vcpu_tb_exec_inline(struct qemu_plugin_tb *tb,
		enum qemu_plugin_op op, void *ptr, uint64_t imm);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
uint64_t qemu_plugin_tb_vaddr(const struct qemu_plugin_tb *tb);

__attribute__((visibility("default"))) int qemu_plugin_version = 1;

/* One block: where it starts, its length, how often it ran. */
struct block {
	uint64_t addr;
	uint64_t insns;
	uint64_t runs;
};

/* Open addressing; the same block translated again finds its entry. */
#define SLOTS (1u << 22)
static struct block *blocks;
static unsigned long used;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static char *out_path;

static struct block *block_of(uint64_t addr, uint64_t insns)
{
	uint64_t i = (addr * 0x9e3779b97f4a7c15ull) >> 42;
	struct block *b;

	for (;; i++) {
		b = &blocks[i & (SLOTS - 1)];
		if (!b->insns) {
			if (used + 1 >= SLOTS)
				return NULL;
			used++;
			b->addr = addr;
			b->insns = insns;
			return b;
		}
		if (b->addr == addr && b->insns == insns)
			return b;
	}
}

static void translated(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
	struct block *b;

	pthread_mutex_lock(&lock);
	b = block_of(qemu_plugin_tb_vaddr(tb), qemu_plugin_tb_n_insns(tb));
	pthread_mutex_unlock(&lock);
	if (b)
		qemu_plugin_register_vcpu_tb_exec_inline(tb,
				QEMU_PLUGIN_INLINE_ADD_U64, &b->runs, 1);
}

static void finished(qemu_plugin_id_t id, void *data)
{
	FILE *f = fopen(out_path, "w");
	unsigned long i;

	if (!f) {
		perror(out_path);
		return;
	}
	if (used + 1 >= SLOTS)
		fprintf(f, "# table full: counts incomplete\n");
	for (i = 0; i < SLOTS; i++)
		if (blocks[i].runs)
			fprintf(f, "%llx %llu %llu\n",
				(unsigned long long)blocks[i].addr,
				(unsigned long long)blocks[i].insns,
				(unsigned long long)blocks[i].runs);
	fclose(f);
}

__attribute__((visibility("default")))
int qemu_plugin_install(qemu_plugin_id_t id, const void *info, int argc,
			char **argv)
{
	int i;

	for (i = 0; i < argc; i++)
		if (!strncmp(argv[i], "out=", 4))
			out_path = argv[i] + 4;
	if (!out_path) {
		fprintf(stderr, "insn-profile: out=FILE is required\n");
		return -1;
	}
	blocks = calloc(SLOTS, sizeof(*blocks));
	if (!blocks)
		return -1;
	qemu_plugin_register_vcpu_tb_trans_cb(id, translated);
	qemu_plugin_register_atexit_cb(id, finished, NULL);
	return 0;
}
