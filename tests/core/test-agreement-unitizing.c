/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-agreement-unitizing.c: Krippendorff's αU on the examples DKPro Statistics reproduces. */
#include "core-test-agreement.h"

#define assert_close hs_agreement_assert_close

/* ---- unitizing αU ---- */

static HearsayAgreementUnitizing *
unitize (const HearsayAgreementSegment *segments,
         gsize                          n,
         guint                          coders,
         guint                          categories,
         gint64                         begin,
         gint64                         length)
{
  g_autoptr(GError) error = NULL;
  HearsayAgreementUnitizing *u = hearsay_agreement_unitizing_alpha (segments, n, coders, categories,
                                                                    begin, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (u);
  return u;
}

/* Krippendorff (2004), Content Analysis, 2nd ed., p. 254, as DKPro
 * Statistics' unitizing Krippendorff2004Test builds it: 2 coders, continuum
 * [150, 450), categories c and k. DKPro asserts αU = 0.8591; c: D_o 0.0144,
 * D_e 0.0532, α 0.7286; k: D_o 0, D_e 0.0490, α 1. */
static void
test_unitizing_krippendorff_2004 (void)
{
  enum { C, K };
  static const HearsayAgreementSegment segments[] = {
    SEG (0, C, 225, 70), SEG (0, C, 370, 30), SEG (1, C, 220, 80), SEG (1, C, 355, 20),
    SEG (1, C, 400, 20), SEG (0, K, 180, 60), SEG (0, K, 300, 50), SEG (1, K, 180, 60),
    SEG (1, K, 300, 50),
  };
  g_autoptr(HearsayAgreementUnitizing) u = unitize (segments, G_N_ELEMENTS (segments), 2, 2, 150, 300);

  /* The book's 0.8591 is 1 − 0.0144 / (0.0532 + 0.0490), from figures
   * rounded to four places; unrounded it is 0.858665 (DKPro's test allows
   * 0.0005 for that): three decimals agree. */
  assert_close (u->alpha, 0.8591, 0.0005, "αU 2004");
  assert_close (1 - 0.0144 / (0.0532 + 0.0490), 0.8591, 0.00005, "αU 2004 from rounded figures");
  assert_close (u->categories[C].observed, 0.0144, 0.00005, "αU 2004 D_o(c)");
  assert_close (u->categories[C].expected, 0.0532, 0.00005, "αU 2004 D_e(c)");
  assert_close (u->categories[C].alpha, 0.7286, 0.00005, "αU 2004 α(c)");
  assert_close (u->categories[K].observed, 0.0, 0.00005, "αU 2004 D_o(k)");
  assert_close (u->categories[K].expected, 0.0490, 0.00005, "αU 2004 D_e(k)");
  assert_close (u->categories[K].alpha, 1.0, 0.00005, "αU 2004 α(k)");
  g_assert_true (u->categories[C].defined && u->categories[K].defined);
  g_assert_cmpuint (u->n_used, ==, 2);
  g_assert_cmpuint (u->n_merged, ==, 0);
}

/* Krippendorff (1995), "On the reliability of unitizing contiguous data",
 * p. 57, as DKPro Statistics' Krippendorff1995Test builds it: 2 coders,
 * continuum of 24 × stretch, categories A–D. */
static GArray *
krippendorff_1995 (double stretch,
                   int    only)
{
  static const gint ex[][4] = {
    /* coder, category, offset, length (before stretching) */
    { 0, 0, 2, 8 }, { 0, 0, 14, 6 }, { 1, 0, 4, 4 }, { 1, 0, 15, 2 },
    { 0, 1, 0, 18 }, { 1, 1, 0, 2 }, { 1, 1, 2, 1 }, { 1, 1, 3, 1 }, { 1, 1, 4, 1 },
    { 1, 1, 5, 1 }, { 1, 1, 6, 3 }, { 1, 1, 9, 1 },
    { 0, 2, 2, 6 }, { 0, 2, 10, 2 }, { 0, 2, 14, 4 }, { 0, 2, 20, 2 }, { 1, 2, 0, 2 },
    { 1, 2, 4, 4 }, { 1, 2, 10, 4 }, { 1, 2, 16, 2 }, { 1, 2, 20, 2 },
    { 0, 3, 0, 2 }, { 0, 3, 2, 8 }, { 0, 3, 10, 4 }, { 0, 3, 14, 6 }, { 0, 3, 20, 4 },
    { 1, 3, 0, 4 }, { 1, 3, 4, 4 }, { 1, 3, 8, 7 }, { 1, 3, 15, 2 }, { 1, 3, 17, 7 },
  };
  GArray *segments = g_array_new (FALSE, FALSE, sizeof (HearsayAgreementSegment));

  for (guint i = 0; i < G_N_ELEMENTS (ex); i++)
    {
      /* DKPro truncates offset and length separately: (int) (x * stretch). */
      gint64 offset = (gint64) (ex[i][2] * stretch), length = (gint64) (ex[i][3] * stretch);
      HearsayAgreementSegment s = { ex[i][0], ex[i][1], offset, offset + length };

      if (only < 0 || ex[i][1] == only)
        g_array_append_val (segments, s);
    }
  return segments;
}

static void
test_unitizing_krippendorff_1995 (void)
{
  enum { A, B, C, D };
  static const double observed[] = { 0.03125, 2.26736, 0.02777, 0.38715 };
  static const double expected[] = { 0.06990, 1.17731, 0.08642, 0.41445 };
  static const double alpha[] = { 0.553, -0.926, 0.679, 0.066 };
  /* What DKPro's implementation itself computes at L = 1.2M (its loops run
   * on this data, outside this project): D_e and α to six places. */
  static const double dkpro_expected[] = { 0.069902, 1.175783, 0.090505, 0.414452 };
  static const double dkpro_alpha[] = { 0.552947, -0.928385, 0.693079, 0.065869 };
  g_autoptr(GArray) s1 = krippendorff_1995 (1, -1);
  g_autoptr(GArray) s50k = krippendorff_1995 (1200000 / 24, -1);
  g_autoptr(HearsayAgreementUnitizing) u1 = unitize ((gpointer) s1->data, s1->len, 2, 4, 0, 24);
  g_autoptr(HearsayAgreementUnitizing) u50k = unitize ((gpointer) s50k->data, s50k->len, 2, 4, 0, 1200000);
  static const char *names = "ABCD";

  for (guint c = A; c <= D; c++)
    {
      g_autofree char *w1 = g_strdup_printf ("αU 1995 D_o(%c), L = 24", names[c]);
      g_autofree char *w2 = g_strdup_printf ("αU 1995 D_e(%c), L = 1.2M", names[c]);
      g_autofree char *w3 = g_strdup_printf ("αU 1995 α(%c), L = 1.2M", names[c]);

      /* DKPro's tolerances: 1e-5 on D_o; 0.005 on D_e and 0.02 on α, for
       * the paper's own D_e is slightly off (see Krippendorff1995Test). */
      assert_close (u1->categories[c].observed, observed[c], 0.00001, w1);
      assert_close (u50k->categories[c].expected, expected[c], 0.005, w2);
      assert_close (u50k->categories[c].alpha, alpha[c], 0.02, w3);
      assert_close (u50k->categories[c].expected, dkpro_expected[c], 0.0000005, "  as DKPro computes D_e");
      assert_close (u50k->categories[c].alpha, dkpro_alpha[c], 0.0000005, "  as DKPro computes α");
      /* D_o does not depend on the stretch. */
      g_assert_cmpfloat_with_epsilon (u50k->categories[c].observed, u1->categories[c].observed, 1e-9);
    }
}

/* The same paper, category C on continua of 12 … 1.2M characters
 * (Krippendorff1995Test.testVaryingLengths). */
static void
test_unitizing_krippendorff_1995_lengths (void)
{
  static const struct { double length, expected, tol_e, alpha; } rows[] = {
    { 12, 0.05494, 0.00001, 0.494 },
    { 120, 0.08234, 0.005, 0.663 },
    { 1200, 0.08600, 0.005, 0.677 },
    { 12000, 0.08638, 0.005, 0.678 },
    { 120000, 0.08642, 0.005, 0.679 },
    { 1200000, 0.08642, 0.005, 0.679 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      double stretch = rows[i].length / 24;
      g_autoptr(GArray) s = krippendorff_1995 (stretch, 2);
      g_autoptr(HearsayAgreementUnitizing) u = unitize ((gpointer) s->data, s->len, 2, 4, 0,
                                                        (gint64) (24 * stretch));
      g_autofree char *we = g_strdup_printf ("αU 1995 D_e(C), L = %.0f", rows[i].length);
      g_autofree char *wa = g_strdup_printf ("αU 1995 α(C), L = %.0f", rows[i].length);

      assert_close (u->categories[2].observed, 0.02777, 0.00001, "αU 1995 D_o(C)");
      assert_close (u->categories[2].expected, rows[i].expected, rows[i].tol_e, we);
      assert_close (u->categories[2].alpha, rows[i].alpha, 0.02, wa);
      g_assert_false (u->categories[0].defined);
      g_assert_cmpuint (u->n_used, ==, 1);
    }
}

/* DKPro Statistics' UnitizingAgreementTest: r0 -11111111-, r1 --1-1-1---
 * gives D_o 0.9100, D_e 0.5351, α −0.7003; one unit of one coder of three
 * gives α = 0. */
static void
test_unitizing_dkpro_small (void)
{
  static const HearsayAgreementSegment example[] = {
    SEG (0, 0, 1, 8), SEG (1, 0, 2, 1), SEG (1, 0, 4, 1), SEG (1, 0, 6, 1),
  };
  static const HearsayAgreementSegment single[] = { SEG (0, 0, 0, 1) };
  g_autoptr(HearsayAgreementUnitizing) u = unitize (example, G_N_ELEMENTS (example), 2, 1, 0, 10);
  g_autoptr(HearsayAgreementUnitizing) v = unitize (single, 1, 3, 1, 0, 20);

  /* DKPro's tolerance, 1e-4: its figures are truncated, not rounded. */
  assert_close (u->categories[0].observed, 0.9100, 0.0001, "αU DKPro D_o(A)");
  assert_close (u->categories[0].expected, 0.5351, 0.0001, "αU DKPro D_e(A)");
  assert_close (u->categories[0].alpha, -0.7003, 0.0001, "αU DKPro α(A)");
  assert_close (v->alpha, 0.0, 1e-9, "αU one unit of three coders");
}

/* A direct reading of the definition, O(sections²): each coder's
 * continuum as explicit units and gaps, every pair of sections compared. */
typedef struct { gint64 start, end; gboolean unit; } Section;

static GArray *
sections_of (const HearsayAgreementSegment *segs, gsize n, guint coder, guint category, gint64 L)
{
  GArray *units = g_array_new (FALSE, FALSE, sizeof (Section));
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Section));
  gint64 pos = 0;

  for (gsize i = 0; i < n; i++)
    if (segs[i].coder == coder && segs[i].category == category)
      {
        Section s = { segs[i].start, segs[i].end, TRUE };
        g_array_append_val (units, s);
      }
  for (guint a = 0; a < units->len; a++)
    for (guint b = a + 1; b < units->len; b++)
      if (g_array_index (units, Section, b).start < g_array_index (units, Section, a).start)
        {
          Section t = g_array_index (units, Section, a);
          g_array_index (units, Section, a) = g_array_index (units, Section, b);
          g_array_index (units, Section, b) = t;
        }
  for (guint i = 0; i < units->len; i++)
    {
      Section u = g_array_index (units, Section, i);

      if (u.start > pos)
        {
          Section g = { pos, u.start, FALSE };
          g_array_append_val (out, g);
        }
      g_array_append_val (out, u);
      pos = u.end;
    }
  if (pos < L)
    {
      Section g = { pos, L, FALSE };
      g_array_append_val (out, g);
    }
  g_array_free (units, TRUE);
  return out;
}

static void
naive_unitizing (const HearsayAgreementSegment *segs, gsize n, guint R, guint category, gint64 L,
                 double *d_o, double *d_e)
{
  GArray **secs = g_new (GArray *, R);
  double obs = 0, num = 0, sq = 0, N = 0;

  for (guint r = 0; r < R; r++)
    secs[r] = sections_of (segs, n, r, category, L);
  for (guint r1 = 0; r1 < R; r1++)
    for (guint r2 = r1 + 1; r2 < R; r2++)
      for (guint i = 0; i < secs[r1]->len; i++)
        for (guint j = 0; j < secs[r2]->len; j++)
          {
            Section a = g_array_index (secs[r1], Section, i), b = g_array_index (secs[r2], Section, j);

            if (a.end <= b.start || b.end <= a.start)
              continue;
            if (a.unit && b.unit)
              obs += pow (a.start - b.start, 2) + pow (a.end - b.end, 2);
            else if (a.unit && b.start <= a.start && a.end <= b.end)
              obs += pow (a.end - a.start, 2);
            else if (b.unit && a.start <= b.start && b.end <= a.end)
              obs += pow (b.end - b.start, 2);
          }
  *d_o = 2 * obs / (R * (R - 1.0) * L * L);
  for (guint r = 0; r < R; r++)
    for (guint i = 0; i < secs[r]->len; i++)
      N += g_array_index (secs[r], Section, i).unit;
  for (guint r = 0; r < R; r++)
    for (guint i = 0; i < secs[r]->len; i++)
      {
        Section u = g_array_index (secs[r], Section, i);
        double l = u.end - u.start, gaps = 0;

        if (!u.unit)
          continue;
        sq += l * (l - 1);
        for (guint r2 = 0; r2 < R; r2++)
          for (guint j = 0; j < secs[r2]->len; j++)
            {
              Section g = g_array_index (secs[r2], Section, j);

              if (!g.unit && g.end - g.start >= l)
                gaps += g.end - g.start - l + 1;
            }
        num += (N - 1) * (2 * l * l * l - 3 * l * l + l) / 3 + l * l * gaps;
      }
  *d_e = 2.0 / L * num / (R * (double) L * (R * (double) L - 1) - sq);
  for (guint r = 0; r < R; r++)
    g_array_free (secs[r], TRUE);
  g_free (secs);
}

static void
test_unitizing_random_against_naive (void)
{
  GRand *rand = g_rand_new_with_seed (2004);

  for (guint round = 0; round < 300; round++)
    {
      guint R = g_rand_int_range (rand, 2, 7), K = g_rand_int_range (rand, 1, 4);
      gint64 L = g_rand_int_range (rand, 5, 200);
      g_autoptr(GArray) segs = g_array_new (FALSE, FALSE, sizeof (HearsayAgreementSegment));
      g_autoptr(HearsayAgreementUnitizing) u = NULL;
      g_autoptr(GError) error = NULL;

      /* Disjoint segments per coder and category (as DKPro requires). */
      for (guint r = 0; r < R; r++)
        for (guint k = 0; k < K; k++)
          for (gint64 pos = g_rand_int_range (rand, 0, 10); pos < L;)
            {
              gint64 len = g_rand_int_range (rand, 1, 30);
              HearsayAgreementSegment s = { r, k, pos, MIN (pos + len, L) };

              if (g_rand_boolean (rand))
                g_array_append_val (segs, s);
              pos = s.end + g_rand_int_range (rand, 0, 3);
            }
      /* In any order: the implementation sorts. */
      for (guint i = segs->len; i > 1; i--)
        {
          guint j = g_rand_int_range (rand, 0, i);
          HearsayAgreementSegment t = g_array_index (segs, HearsayAgreementSegment, i - 1);

          g_array_index (segs, HearsayAgreementSegment, i - 1) = g_array_index (segs, HearsayAgreementSegment, j);
          g_array_index (segs, HearsayAgreementSegment, j) = t;
        }
      u = hearsay_agreement_unitizing_alpha ((gpointer) segs->data, segs->len, R, K, 0, L, &error);
      if (u == NULL)
        {
          g_assert_error (error, HEARSAY_AGREEMENT_ERROR, HEARSAY_AGREEMENT_ERROR_NO_UNITS);
          continue;
        }
      for (guint k = 0; k < K; k++)
        {
          double d_o, d_e;

          if (u->categories[k].n_segments == 0)
            continue;
          naive_unitizing ((gpointer) segs->data, segs->len, R, k, L, &d_o, &d_e);
          g_assert_cmpfloat_with_epsilon (u->categories[k].observed, d_o, 1e-12);
          g_assert_cmpfloat_with_epsilon (u->categories[k].expected, d_e, 1e-12);
        }
    }
  g_rand_free (rand);
}

/* Large shuffled input (the radix-sorted path) gives exactly what sorted
 * input gives. */
static void
test_unitizing_order (void)
{
  GRand *rand = g_rand_new_with_seed (1995);
  g_autoptr(GArray) segs = g_array_new (FALSE, FALSE, sizeof (HearsayAgreementSegment));
  g_autoptr(HearsayAgreementUnitizing) sorted = NULL;
  g_autoptr(HearsayAgreementUnitizing) shuffled = NULL;
  gint64 L = 0;

  for (guint r = 0; r < 3; r++)
    for (gint64 pos = 0, i = 0; i < 6000; i++)
      {
        HearsayAgreementSegment s = { r, g_rand_int_range (rand, 0, 2), 0, 0 };

        s.start = pos + g_rand_int_range (rand, 0, 5);
        s.end = s.start + g_rand_int_range (rand, 1, 20);
        pos = s.end - g_rand_int_range (rand, 0, 3);  /* some overlap: merged */
        L = MAX (L, s.end);
        g_array_append_val (segs, s);
      }
  sorted = unitize ((gpointer) segs->data, segs->len, 3, 2, 0, L);
  for (guint i = segs->len; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      HearsayAgreementSegment t = g_array_index (segs, HearsayAgreementSegment, i - 1);

      g_array_index (segs, HearsayAgreementSegment, i - 1) = g_array_index (segs, HearsayAgreementSegment, j);
      g_array_index (segs, HearsayAgreementSegment, j) = t;
    }
  shuffled = unitize ((gpointer) segs->data, segs->len, 3, 2, 0, L);
  g_assert_cmpuint (sorted->n_merged, >, 0);
  g_assert_cmpuint (shuffled->n_merged, ==, sorted->n_merged);
  g_assert_cmpfloat (shuffled->alpha, ==, sorted->alpha);
  for (guint k = 0; k < 2; k++)
    {
      g_assert_cmpfloat (shuffled->categories[k].observed, ==, sorted->categories[k].observed);
      g_assert_cmpfloat (shuffled->categories[k].expected, ==, sorted->categories[k].expected);
    }
  g_rand_free (rand);
}

static void
test_unitizing_merging (void)
{
  /* Coder 0 marks [0, 5) and [3, 8): one unit [0, 8). [10, 12) and
   * [12, 15) touch: two units. */
  static const HearsayAgreementSegment overlapping[] = {
    SEG (0, 0, 3, 5), SEG (0, 0, 0, 5), SEG (0, 0, 10, 2), SEG (0, 0, 12, 3),
    SEG (1, 0, 1, 7), SEG (1, 0, 10, 5),
  };
  static const HearsayAgreementSegment merged[] = {
    SEG (1, 0, 10, 5), SEG (0, 0, 0, 8), SEG (0, 0, 10, 2), SEG (1, 0, 1, 7), SEG (0, 0, 12, 3),
  };
  static const HearsayAgreementSegment joined[] = {
    SEG (0, 0, 0, 8), SEG (0, 0, 10, 5), SEG (1, 0, 1, 7), SEG (1, 0, 10, 5),
  };
  g_autoptr(HearsayAgreementUnitizing) a = unitize (overlapping, G_N_ELEMENTS (overlapping), 2, 1, 0, 20);
  g_autoptr(HearsayAgreementUnitizing) b = unitize (merged, G_N_ELEMENTS (merged), 2, 1, 0, 20);
  g_autoptr(HearsayAgreementUnitizing) c = unitize (joined, G_N_ELEMENTS (joined), 2, 1, 0, 20);

  g_assert_cmpuint (a->n_merged, ==, 1);
  g_assert_cmpuint (a->categories[0].n_segments, ==, 5);
  g_assert_cmpfloat (a->alpha, ==, b->alpha);
  g_assert_cmpfloat (a->alpha, !=, c->alpha);
}

static void
test_unitizing_errors (void)
{
  static const HearsayAgreementSegment one[] = { SEG (0, 0, 0, 5) };
  static const HearsayAgreementSegment outside[] = { SEG (0, 0, 15, 10) };
  static const HearsayAgreementSegment empty[] = { SEG (1, 0, 4, 0) };
  static const HearsayAgreementSegment bad_coder[] = { SEG (2, 0, 0, 1) };
  static const HearsayAgreementSegment bad_category[] = { SEG (0, 3, 0, 1) };
  /* Both coders mark the one character of a continuum of length 1: no gap,
   * units of length 1, D_e = 0. */
  static const HearsayAgreementSegment full[] = { SEG (0, 0, 0, 1), SEG (1, 0, 0, 1) };
  GError *error = NULL;

#define EXPECT(segs, n, coders, begin, length, code) \
  G_STMT_START { \
    g_assert_null (hearsay_agreement_unitizing_alpha (segs, n, coders, 1, begin, length, &error)); \
    g_assert_error (error, HEARSAY_AGREEMENT_ERROR, code); \
    g_test_message ("%s", error->message); \
    g_clear_error (&error); \
  } G_STMT_END

  EXPECT (one, 1, 1, 0, 20, HEARSAY_AGREEMENT_ERROR_TOO_FEW_CODERS);
  EXPECT (NULL, 0, 3, 0, 20, HEARSAY_AGREEMENT_ERROR_NO_UNITS);
  EXPECT (NULL, 0, 2, 0, 0, HEARSAY_AGREEMENT_ERROR_NO_UNITS);
  EXPECT (outside, 1, 2, 0, 20, HEARSAY_AGREEMENT_ERROR_INVALID);
  EXPECT (one, 1, 2, 1, 20, HEARSAY_AGREEMENT_ERROR_INVALID);
  EXPECT (empty, 1, 2, 0, 20, HEARSAY_AGREEMENT_ERROR_INVALID);
  EXPECT (bad_coder, 1, 2, 0, 20, HEARSAY_AGREEMENT_ERROR_INVALID);
  EXPECT (bad_category, 1, 2, 0, 20, HEARSAY_AGREEMENT_ERROR_INVALID);
  EXPECT (one, 1, 2, 0, -1, HEARSAY_AGREEMENT_ERROR_INVALID);
  EXPECT (full, 2, 2, 0, 1, HEARSAY_AGREEMENT_ERROR_NO_VARIATION);
#undef EXPECT

  /* A category nobody used is reported, not averaged in. */
  {
    g_autoptr(HearsayAgreementUnitizing) u = unitize (one, 1, 2, 3, 0, 20);

    g_assert_cmpuint (u->n_used, ==, 1);
    g_assert_false (u->categories[1].defined);
    g_assert_cmpfloat (u->categories[1].alpha, ==, 0);
    g_assert_true (isfinite (u->alpha));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/agreement/unitizing/krippendorff-2004", test_unitizing_krippendorff_2004);
  g_test_add_func ("/agreement/unitizing/krippendorff-1995", test_unitizing_krippendorff_1995);
  g_test_add_func ("/agreement/unitizing/krippendorff-1995-lengths", test_unitizing_krippendorff_1995_lengths);
  g_test_add_func ("/agreement/unitizing/dkpro-small", test_unitizing_dkpro_small);
  g_test_add_func ("/agreement/unitizing/random-against-naive", test_unitizing_random_against_naive);
  g_test_add_func ("/agreement/unitizing/order", test_unitizing_order);
  g_test_add_func ("/agreement/unitizing/merging", test_unitizing_merging);
  g_test_add_func ("/agreement/unitizing/errors", test_unitizing_errors);

  return g_test_run ();
}
