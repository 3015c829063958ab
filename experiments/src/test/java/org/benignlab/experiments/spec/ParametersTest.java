package org.benignlab.experiments.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ParametersTest {

    private static JsonNode yaml(String text) throws Exception {
        return ExperimentLoader.mapper().readTree(text);
    }

    @Test
    void resolvesParametersInDependencyOrder() throws Exception {
        Parameters p = Parameters.resolve(yaml("""
                data: {n: 10, p: "n^2*50", mu: "p^0.5"}
                network: {width: "n/2"}
                training: {optimizer: {step: "1/(m*p)"}}
                """));
        assertEquals(5000.0, p.values().get("p"), 1e-9);
        assertEquals(Math.sqrt(5000.0), p.values().get("mu"), 1e-9);
        assertEquals(5.0, p.values().get("m"), 0.0);
        assertEquals(1.0 / 25000.0, p.values().get("step"), 1e-18);
        assertFalse(p.values().containsKey("gamma"), "a parameter the file leaves out is absent");
        assertEquals(1e-3 * (1.0 / 25000.0) / Math.sqrt(5 * 5000.0),
                p.evaluate("1e-3*step/sqrt(m*p)", "x"), 1e-20);
    }

    @Test
    void bindingReadsTheValueResolvedAtAParameterPathAndEvaluatesOtherExpressionsOverThem() throws Exception {
        Parameters p = Parameters.resolve(yaml("vars: {g: \"5/n\"}\ndata: {n: 10, p: \"n^2*50\", mu: \"p^0.5\"}\n"));
        // a parameter's and a var's path give the value resolved there (the expression is not evaluated again)
        assertEquals(p.values().get("mu"), p.valueAt("p^0.5", "data.mu"), 0.0);
        assertEquals(0.5, p.valueAt("5/n", "vars.g"), 0.0);
        // any other path: the expression is evaluated over the resolved parameters
        assertEquals(2 * Math.sqrt(5000.0) + 0.5, p.valueAt("2*mu + g", "training.optimizer.momentum"), 1e-12);
    }

    @Test
    void varsAreNamedNumbersUsableInEveryExpressionAndMayUseEachOtherAndTheParameters() throws Exception {
        Parameters p = Parameters.resolve(yaml("""
                vars: {g: "5/n", ratio: 3, half: "ratio/2"}
                data: {n: 10, p: "ratio*n", mu: "g*p"}
                network: {width: "2*half"}
                """));
        assertEquals(30.0, p.values().get("p"), 0.0);
        assertEquals(15.0, p.values().get("mu"), 1e-12);
        assertEquals(3.0, p.values().get("m"), 0.0);
        assertEquals(0.5, p.values().get("vars.g"), 0.0);
        assertEquals(3.0, p.values().get("vars.ratio"), 0.0);
        assertEquals(1.5, p.values().get("vars.half"), 0.0);
        assertEquals(java.util.List.of("g", "ratio", "half"), p.varNames());
        assertEquals(7.5, p.evaluate("half*5", "network.activation.gamma"), 0.0);
    }

    @Test
    void anUnknownACyclicOrABuiltInNamedVarIsAOneLineErrorNamingItsPath() throws Exception {
        String unknown = assertThrows(InputException.class, () -> Parameters.resolve(yaml(
                "vars: {ratio: 2}\ndata: {n: 10, p: \"ratoi*n\"}\n"))).getMessage();
        assertTrue(unknown.startsWith("data.p: unknown name 'ratoi' in expression 'ratoi*n'; allowed names: n, p, m, "
                + "mu, eta, gamma, H, step, ratio,"), unknown);
        String cycle = assertThrows(InputException.class, () -> Parameters.resolve(yaml(
                "vars: {a: \"b+1\", b: \"2*a\"}\ndata: {n: 10}\n"))).getMessage();
        assertEquals("vars.a: expressions refer to each other in a cycle: vars.a -> vars.b -> vars.a", cycle);
        String self = assertThrows(InputException.class, () -> Parameters.resolve(yaml(
                "vars: {a: \"a+1\"}\n"))).getMessage();
        assertEquals("vars.a: expression 'a+1' refers to itself", self);
        String builtIn = assertThrows(InputException.class, () -> Parameters.resolve(yaml(
                "vars: {n: 5}\n"))).getMessage();
        assertEquals("vars.n: 'n' is a built-in parameter (data.n); choose another name", builtIn);
        String function = assertThrows(InputException.class, () -> Parameters.resolve(yaml(
                "vars: {sqrt: 5}\n"))).getMessage();
        assertTrue(function.startsWith("vars.sqrt: 'sqrt' is a constant or function"), function);
        String badName = assertThrows(InputException.class, () -> Parameters.resolve(yaml(
                "vars: {2x: 5}\n"))).getMessage();
        assertTrue(badName.startsWith("vars.2x: a var's name must be"), badName);
        String notAMapping = assertThrows(InputException.class, () -> Parameters.resolve(yaml(
                "vars: [1, 2]\n"))).getMessage();
        assertTrue(notAMapping.startsWith("vars: must be a mapping of names"), notAMapping);
    }

    @Test
    void theConstantsPiAndEAreNumbersNotParameters() throws Exception {
        Parameters p = Parameters.resolve(yaml("data: {n: 10, p: 100, mu: \"pi*sqrt(p)\"}\n"
                + "training: {optimizer: {step: \"e/p\"}}"));
        assertEquals(Math.PI * 10, p.values().get("mu"), 1e-12);
        assertEquals(Math.E / 100, p.values().get("step"), 1e-15);
        assertEquals(Math.PI * Math.E, p.evaluate("pi*e", "data.mu"), 1e-12);
    }

    @Test
    void selfReferenceIsAnError() throws Exception {
        InputException e = assertThrows(InputException.class,
                () -> Parameters.resolve(yaml("data: {n: 10, p: 100, mu: \"2*mu\"}")));
        assertEquals("data.mu: expression '2*mu' refers to itself", e.getMessage());
    }

    @Test
    void cycleIsAnErrorNamingThePaths() throws Exception {
        InputException e = assertThrows(InputException.class,
                () -> Parameters.resolve(yaml("data: {n: \"p/10\", p: \"m*n\", mu: 1}\nnetwork: {width: 3}")));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
        assertTrue(e.getMessage().contains("data.n") && e.getMessage().contains("data.p"), e.getMessage());
    }

    @Test
    void unknownNameDivisionByZeroAndUnsetParameter() throws Exception {
        Parameters p = Parameters.resolve(yaml("data: {n: 10, p: 100}"));
        InputException unknown = assertThrows(InputException.class, () -> p.evaluate("q^2", "data.mu"));
        assertTrue(unknown.getMessage().startsWith("data.mu: unknown name 'q'"), unknown.getMessage());
        InputException zero = assertThrows(InputException.class, () -> p.evaluate("1/(p-p)", "data.mu"));
        assertEquals("data.mu: expression '1/(p-p)' divides by zero (p = 100)", zero.getMessage());
        InputException unset = assertThrows(InputException.class, () -> p.evaluate("gamma*2", "x.y"));
        assertTrue(unset.getMessage().contains("network.activation.gamma"), unset.getMessage());
        InputException syntax = assertThrows(InputException.class, () -> p.evaluate("2*(p", "x.y"));
        assertTrue(syntax.getMessage().startsWith("x.y: '2*(p' is neither a number nor a valid expression"),
                syntax.getMessage());
        InputException inf = assertThrows(InputException.class, () -> p.evaluate("log(0)", "x.y"));
        assertTrue(inf.getMessage().contains("finite"), inf.getMessage());
    }
}
