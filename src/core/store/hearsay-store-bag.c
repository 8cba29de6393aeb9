/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-store-bag.c: the per-document aggregates of the comparison are
 * stored as "bags": a blob of (key number, count) entries, one per distinct
 * key, each a little-endian guint32 number (compare_key.id) and gint64
 * count. The SQL aggregate hearsay_bag_sum(bag) adds bags into one, with
 * the key numbers as indexes into an array: summing 10,000 documents is a
 * million additions and no string comparison. */
#include "config.h"

#include <string.h>

#include "hearsay-store-private.h"

#define ENTRY_SIZE (sizeof (guint32) + sizeof (gint64))
/* Key numbers are dense from 1; a larger one means a damaged bag, and
 * would otherwise make the sum allocate without bound. */
#define MAX_KEY (1u << 26)

void
hearsay_bag_append (GByteArray *bag,
                    guint32     key,
                    gint64      count)
{
  guint32 k = GUINT32_TO_LE (key);
  gint64 n = GINT64_TO_LE (count);

  g_byte_array_append (bag, (const guint8 *) &k, sizeof k);
  g_byte_array_append (bag, (const guint8 *) &n, sizeof n);
}

gboolean
hearsay_bag_foreach (const guint8   *data,
                     gsize           length,
                     HearsayBagFunc  func,
                     gpointer        user_data)
{
  if (length % ENTRY_SIZE != 0)
    return FALSE;
  for (gsize at = 0; at < length; at += ENTRY_SIZE)
    {
      guint32 k;
      gint64 n;

      memcpy (&k, data + at, sizeof k);
      memcpy (&n, data + at + sizeof k, sizeof n);
      k = GUINT32_FROM_LE (k);
      if (k == 0 || k >= MAX_KEY)
        return FALSE;
      func (k, GINT64_FROM_LE (n), user_data);
    }
  return TRUE;
}

typedef struct
{
  GArray *counts;   /* gint64 by key number */
  GArray *keys;     /* guint32: the numbers seen, in order of first sight */
  GByteArray *seen; /* 1 by key number once seen */
  gboolean damaged;
} BagSum;

static void
bag_sum_add (guint32  key,
             gint64   n,
             gpointer user_data)
{
  BagSum *sum = user_data;

  if (key >= sum->counts->len)
    {
      guint old = sum->seen->len, size = MAX (key + 1, sum->counts->len * 2);

      g_array_set_size (sum->counts, size);
      g_byte_array_set_size (sum->seen, size);
      memset (sum->seen->data + old, 0, size - old);
    }
  if (!sum->seen->data[key])
    {
      sum->seen->data[key] = 1;
      g_array_append_val (sum->keys, key);
    }
  g_array_index (sum->counts, gint64, key) += n;
}

static void
bag_sum_step (sqlite3_context  *context,
              int               argc,
              sqlite3_value   **argv)
{
  BagSum *sum = sqlite3_aggregate_context (context, sizeof (BagSum));

  if (sum == NULL)
    {
      sqlite3_result_error_nomem (context);
      return;
    }
  if (sum->counts == NULL)
    {
      sum->counts = g_array_sized_new (FALSE, TRUE, sizeof (gint64), 4096);
      sum->keys = g_array_new (FALSE, FALSE, sizeof (guint32));
      sum->seen = g_byte_array_sized_new (4096);
    }
  if (sqlite3_value_type (argv[0]) == SQLITE_NULL || sum->damaged)
    return;
  if (!hearsay_bag_foreach (sqlite3_value_blob (argv[0]), sqlite3_value_bytes (argv[0]),
                            bag_sum_add, sum))
    sum->damaged = TRUE;
}

static void
bag_sum_final (sqlite3_context *context)
{
  BagSum *sum = sqlite3_aggregate_context (context, 0);
  GByteArray *bag;
  gsize length;

  if (sum == NULL || sum->counts == NULL)
    {
      sqlite3_result_zeroblob (context, 0);
      return;
    }
  if (sum->damaged)
    sqlite3_result_error (context, "a stored comparison aggregate is damaged", -1);
  else
    {
      bag = g_byte_array_sized_new (sum->keys->len * ENTRY_SIZE + 1);
      for (guint i = 0; i < sum->keys->len; i++)
        {
          guint32 key = g_array_index (sum->keys, guint32, i);

          hearsay_bag_append (bag, key, g_array_index (sum->counts, gint64, key));
        }
      length = bag->len;
      sqlite3_result_blob64 (context, g_byte_array_free (bag, FALSE), length, g_free);
    }
  g_array_unref (sum->counts);
  g_array_unref (sum->keys);
  g_byte_array_unref (sum->seen);
}

void
hearsay_store_register_bag_functions (sqlite3 *db)
{
  sqlite3_create_function (db, "hearsay_bag_sum", 1,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           NULL, NULL, bag_sum_step, bag_sum_final);
}
