package fr.centraleachat.smoke;

/** Command-line entry point: {@code java -jar smoke-test-exec.jar GATEWAY_URL AUTH_SERVER_URL [options]}. */
public final class Smoke {

    private Smoke() {
    }

    public static void main(String[] arguments) {
        Parametres parametres;
        try {
            parametres = Parametres.depuisArguments(arguments);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        ParcoursDeBoutEnBout.Rapport rapport = new ParcoursDeBoutEnBout(parametres, System.out::println).executer();
        System.exit(rapport.reussi() ? 0 : 1);
    }
}
