/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-agreement-stats.c: αU, α, κ and span matching on 6 coders × 100,000 segments. */
#include <stdio.h>
#include <stdlib.h>

#include "hearsay-agreement-stats.h"

/* Invented data: one "true" segmentation, each coder's a jittered copy
 * that drops or relabels some segments, so the figures are realistic
 * (α around 0.6–0.8) rather than all-agree or all-random. Each timing is
 * the median of 5 runs. */
#define N_CODERS 6
#define N_SEGMENTS 100000   /* per coder */
#define N_CATEGORIES 8
#define N_DOCUMENTS 500
#define N_RUNS 5

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *times)
{
  qsort (times, N_RUNS, sizeof (double), compare_double);
  return times[N_RUNS / 2];
}

/* Segments of @n_per_coder per coder over a continuum; returns its length. */
static gint64
generate (GRand   *rand,
          guint    n_per_coder,
          GArray  *out)
{
  gint64 pos = 0;
  g_autofree HearsayAgreementSegment *truth = g_new (HearsayAgreementSegment, n_per_coder);

  for (guint i = 0; i < n_per_coder; i++)
    {
      gint64 gap = g_rand_int_range (rand, 5, 40), len = g_rand_int_range (rand, 3, 60);

      truth[i] = (HearsayAgreementSegment) { 0, g_rand_int_range (rand, 0, N_CATEGORIES), pos + gap, pos + gap + len };
      pos += gap + len;
    }
  for (guint c = 0; c < N_CODERS; c++)
    for (guint i = 0; i < n_per_coder; i++)
      {
        HearsayAgreementSegment s = truth[i];
        guint r = g_rand_int_range (rand, 0, 100);

        s.coder = c;
        if (r < 8)
          s.category = g_rand_int_range (rand, 0, N_CATEGORIES);
        /* Jitter the boundaries by up to 2 characters, staying inside the gaps. */
        if (r >= 8 && r < 40)
          {
            s.start += g_rand_int_range (rand, -2, 3);
            s.end += g_rand_int_range (rand, -2, 3);
            if (s.end <= s.start)
              s.end = s.start + 1;
          }
        g_array_append_val (out, s);
      }
  return pos + 10;
}

static void
bench_unitizing (GRand *rand)
{
  g_autoptr(GArray) segments = g_array_new (FALSE, FALSE, sizeof (HearsayAgreementSegment));
  gint64 length = generate (rand, N_SEGMENTS, segments);
  double times[N_RUNS], alpha = 0;

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HearsayAgreementUnitizing) u = NULL;
      double t = now_ms ();

      u = hearsay_agreement_unitizing_alpha ((gpointer) segments->data, segments->len, N_CODERS,
                                             N_CATEGORIES, 0, length, &error);
      times[run] = now_ms () - t;
      if (u == NULL)
        g_error ("%s", error->message);
      alpha = u->alpha;
    }
  printf ("# αU = %.4f over %u segments, continuum of %" G_GINT64_FORMAT " characters\n",
          alpha, segments->len, length);
  printf ("bench: agreement-alpha-u-6x100k-segments %.1f ms (target <= 1000 ms)\n", median (times));

  /* The same segments in random order: each coder's runs are radix-sorted. */
  {
    g_autoptr(GArray) shuffled = g_array_copy (segments);
    HearsayAgreementSegment *s = (gpointer) shuffled->data;

    for (guint i = shuffled->len; i > 1; i--)
      {
        guint j = g_rand_int_range (rand, 0, i);
        HearsayAgreementSegment t = s[i - 1];

        s[i - 1] = s[j];
        s[j] = t;
      }
    for (guint run = 0; run < N_RUNS; run++)
      {
        double t = now_ms ();
        g_autoptr(HearsayAgreementUnitizing) u =
          hearsay_agreement_unitizing_alpha (s, shuffled->len, N_CODERS, N_CATEGORIES, 0, length, NULL);

        times[run] = now_ms () - t;
        g_assert (u != NULL && u->alpha == alpha);
      }
    printf ("bench: agreement-alpha-u-6x100k-segments-shuffled %.1f ms\n", median (times));
  }

  /* The same volume as one call per document: 500 × 6 coders × 200. */
  {
    GPtrArray *docs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
    g_autofree gint64 *lengths = g_new (gint64, N_DOCUMENTS);

    for (guint d = 0; d < N_DOCUMENTS; d++)
      {
        GArray *s = g_array_new (FALSE, FALSE, sizeof (HearsayAgreementSegment));

        lengths[d] = generate (rand, N_SEGMENTS / N_DOCUMENTS, s);
        g_ptr_array_add (docs, s);
      }
    for (guint run = 0; run < N_RUNS; run++)
      {
        double t = now_ms ();

        for (guint d = 0; d < N_DOCUMENTS; d++)
          {
            GArray *s = g_ptr_array_index (docs, d);
            g_autoptr(HearsayAgreementUnitizing) u =
              hearsay_agreement_unitizing_alpha ((gpointer) s->data, s->len, N_CODERS, N_CATEGORIES,
                                                 0, lengths[d], NULL);

            g_assert (u != NULL);
          }
        times[run] = now_ms () - t;
      }
    printf ("bench: agreement-alpha-u-500-documents-6x200 %.1f ms\n", median (times));
    g_ptr_array_unref (docs);
  }

  /* Span matching of two coders' 100,000 spans. */
  {
    const HearsayAgreementSegment *all = (gpointer) segments->data;
    g_autofree gssize *matched = g_new (gssize, N_SEGMENTS);
    static const struct { HearsayAgreementMatchFlags flags; const char *name; } modes[] = {
      { HEARSAY_AGREEMENT_MATCH_EXACT, "exact" },
      { HEARSAY_AGREEMENT_MATCH_OVERLAP, "overlap" },
    };

    for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
      {
        HearsayAgreementSpanScores scores = { 0 };

        for (guint run = 0; run < N_RUNS; run++)
          {
            double t = now_ms ();

            if (!hearsay_agreement_spans_compare (all, N_SEGMENTS, all + N_SEGMENTS, N_SEGMENTS,
                                                  modes[m].flags, &scores, matched, NULL))
              g_error ("span matching failed");
            times[run] = now_ms () - t;
          }
        printf ("# spans %s: F1 = %.4f\n", modes[m].name, scores.f1);
        printf ("bench: agreement-spans-%s-2x100k %.1f ms\n", modes[m].name, median (times));
      }
  }
}

static void
bench_coding (GRand *rand)
{
  g_autofree double *values = g_new (double, (gsize) N_CODERS * N_SEGMENTS);
  g_autofree double *continuous = g_new (double, (gsize) N_CODERS * N_SEGMENTS);
  HearsayAgreementMatrix matrix = { N_CODERS, N_SEGMENTS, values };
  HearsayAgreementMatrix spread = { N_CODERS, N_SEGMENTS, continuous };
  double times[N_RUNS];

  for (guint u = 0; u < N_SEGMENTS; u++)
    {
      guint truth = g_rand_int_range (rand, 0, N_CATEGORIES);
      double level = g_rand_double_range (rand, 0, 100);

      for (guint c = 0; c < N_CODERS; c++)
        {
          guint r = g_rand_int_range (rand, 0, 100);
          gsize i = (gsize) c * N_SEGMENTS + u;

          values[i] = r < 10 ? HEARSAY_AGREEMENT_MISSING
                      : r < 25 ? (double) g_rand_int_range (rand, 0, N_CATEGORIES) : (double) truth;
          continuous[i] = level + g_rand_double_range (rand, -5, 5);
        }
    }

  for (guint metric = 0; metric <= HEARSAY_AGREEMENT_RATIO; metric++)
    {
      HearsayAgreementResult result;

      for (guint run = 0; run < N_RUNS; run++)
        {
          double t = now_ms ();

          if (!hearsay_agreement_krippendorff_alpha (&matrix, metric, &result, NULL))
            g_error ("α failed");
          times[run] = now_ms () - t;
        }
      printf ("# α %s = %.4f (n = %" G_GUINT64_FORMAT ")\n",
              hearsay_agreement_metric_to_string (metric), result.value, result.n_values);
      printf ("bench: agreement-alpha-%s-6x100k-units %.1f ms\n",
              hearsay_agreement_metric_to_string (metric), median (times));
    }

  /* 600,000 distinct values: the interval and ordinal shortcuts matter. */
  for (guint metric = HEARSAY_AGREEMENT_ORDINAL; metric <= HEARSAY_AGREEMENT_INTERVAL; metric++)
    {
      HearsayAgreementResult result;

      for (guint run = 0; run < N_RUNS; run++)
        {
          double t = now_ms ();

          if (!hearsay_agreement_krippendorff_alpha (&spread, metric, &result, NULL))
            g_error ("α failed");
          times[run] = now_ms () - t;
        }
      printf ("# α %s on distinct values = %.4f\n", hearsay_agreement_metric_to_string (metric),
              result.value);
      printf ("bench: agreement-alpha-%s-600k-distinct-values %.1f ms\n",
              hearsay_agreement_metric_to_string (metric), median (times));
    }

  {
    HearsayAgreementResult result;

    for (guint run = 0; run < N_RUNS; run++)
      {
        double t = now_ms ();

        if (!hearsay_agreement_percent (&matrix, &result, NULL) ||
            !hearsay_agreement_fleiss_kappa (&matrix, &result, NULL))
          g_error ("percent or Fleiss failed");
        for (guint a = 0; a < N_CODERS; a++)
          for (guint b = a + 1; b < N_CODERS; b++)
            if (!hearsay_agreement_cohen_kappa (&matrix, a, b, &result, NULL))
              g_error ("Cohen failed");
        times[run] = now_ms () - t;
      }
    printf ("bench: agreement-percent-fleiss-15-cohen-pairs-6x100k %.1f ms\n", median (times));
  }
}

int
main (int   argc,
      char *argv[])
{
  GRand *rand = g_rand_new_with_seed (14);

  bench_unitizing (rand);
  bench_coding (rand);
  g_rand_free (rand);
  return 0;
}
