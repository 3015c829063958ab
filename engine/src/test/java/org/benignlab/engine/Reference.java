package org.benignlab.engine;

import org.benignlab.api.Activation;
import org.benignlab.api.Loss;

/** Naive triple-loop versions of the network, written from MODEL.md, to check the kernels against. */
final class Reference {
    private Reference() {
    }

    /** z_ij = Σ_k x_ik w_jk, summed in increasing k from 0. */
    static double[][] preActivations(double[][] x, double[] w, int m) {
        int n = x.length;
        int p = x[0].length;
        double[][] z = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int k = 0; k < p; k++) {
                    s += x[i][k] * w[j * p + k];
                }
                z[i][j] = s;
            }
        }
        return z;
    }

    /** f(x_i; W) = Σ_j a_j φ(z_ij). */
    static double[] outputs(double[][] x, double[] w, double[] a, Activation phi) {
        double[][] z = preActivations(x, w, a.length);
        double[] f = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (int j = 0; j < a.length; j++) {
                s += a[j] * phi.value(z[i][j]);
            }
            f[i] = s;
        }
        return f;
    }

    /** L̂(W) = (1/n) Σ ℓ(y_i f(x_i; W)). */
    static double risk(double[][] x, double[] y, double[] w, double[] a, Activation phi, Loss loss) {
        double[] f = outputs(x, w, a, phi);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += loss.value(y[i] * f[i]);
        }
        return s / x.length;
    }
}
