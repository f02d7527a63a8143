package fr.centraleachat.bench;

import fr.centraleachat.kernel.FamilleAchat;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A synthetic but French-looking catalogue, always the same for a given seed: item {@code rang} of contract
 * {@code contrat} is computed from the seed, the contract and the rank alone, so a price list is written as it is
 * sent and any item can be found again without keeping the catalogue in memory.
 *
 * <p>Four departments ({@link Rayon}), one per famille d'achat: office supplies, IT, cleaning, food. An item is a
 * product's name followed by a choice in each of its slots (qualifier, material, size, colour…; some slots may be
 * left out) and, seven times out of ten, a brand-like word: « Ramette de papier recyclé A4 80 g blanc Papéo ».
 * Each choice weighs on the price (an A3 ream costs more than an A4), then a spread of ±20 % and 2 to 4 decimals.
 * References are {@code CODE-CCC-RRRRRR} (product, contract, rank): unique per contract and across contracts.
 * VAT rates are those of the products (20 %, 5.5 % for food, 10 % for ready meals, 2.1 % for the press, 0 % for
 * stamps); CPV codes are real 8-digit codes with their check digit.
 */
public final class CatalogueSynthetique {

    /** The import's column names (catalogue-service README, "File format"), in the order written. */
    public static final String ENTETE = "référence;désignation;unité;conditionnement;prix unitaire HT;taux de TVA;CPV";

    public record Article(String reference, String designation, String unite, String conditionnement,
            BigDecimal prixHt, BigDecimal tauxTva, String cpv) {
    }

    /** One choice of a slot: its words (empty: the slot is left out) and its weight on the base price. */
    record Choix(String texte, double facteur) {
    }

    /** A product: its name's variants are the first slot. */
    record Produit(String code, String cpv, String unite, double prixBase, BigDecimal tva, List<Choix> conditionnements,
            List<List<Choix>> emplacements) {

        List<Choix> noms() {
            return emplacements.get(0);
        }
    }

    /** A department of the catalogue: the contracts of one consultation draw their items from it. */
    public record Rayon(FamilleAchat famille, String cpvPrincipal, String objet, List<Produit> produits,
            List<String> marques) {

        /** The CPV division of the consultation's main code. */
        public String division() {
            return cpvPrincipal.substring(0, 2);
        }
    }

    private static final List<Rayon> RAYONS = List.of(
            new Rayon(FamilleAchat.FOURNITURES_ADMINISTRATIVES, cpv("30192000"), "Fournitures de bureau et papeterie",
                    List.of(
                            produit("RAM", "30197630", "ramette", 4.2, "20",
                                    "carton de 5 ramettes|palette de 240 ramettes|",
                                    "Ramette de papier|Ramette de papier pour copieur",
                                    "recyclé|extra-blanc|certifié PEFC|écolabellisé|haute blancheur|",
                                    "A4|A3*1.9|A5*0.55",
                                    "80 g|90 g*1.2|70 g*0.9|100 g*1.35|120 g*1.6",
                                    "blanc|ivoire*1.1|jaune pastel*1.2|bleu pastel*1.2|vert pastel*1.2|rose*1.2"),
                            produit("STY", "30192121", "unité", 0.45, "20", "boîte de 50|lot de 10|à l'unité",
                                    "Stylo à bille|Stylo gel*1.6|Stylo roller*2.1|Stylo plume*4",
                                    "pointe moyenne|pointe fine|pointe large|",
                                    "rétractable*1.3|à capuchon|4 couleurs*2.5|",
                                    "encre bleue|encre noire|encre rouge|encre verte|encre effaçable*1.4",
                                    "corps transparent|corps en bambou*1.8|corps recyclé*1.2|"),
                            produit("MAR", "30192125", "unité", 1.1, "20", "pochette de 4|boîte de 12|à l'unité",
                                    "Marqueur permanent|Surligneur fluo*0.8|Feutre effaçable pour tableau blanc|Crayon "
                                            + "graphite HB*0.3",
                                    "pointe ogive|pointe biseautée|pointe fine|",
                                    "noir|bleu|rouge|vert|jaune|assortis*1.3",
                                    "à base d'eau|sans xylène|rechargeable*1.5|"),
                            produit("AGR", "30197320", "unité", 9.5, "20", "à l'unité|carton de 10",
                                    "Agrafeuse de bureau|Agrafeuse à pince*0.8|Agrafeuse grande capacité*3.2|"
                                            + "Perforatrice 2 trous|Perforatrice 4 trous*1.6",
                                    "métal|plastique recyclé*0.8|",
                                    "25 feuilles|40 feuilles*1.3|100 feuilles*2.5|",
                                    "noire|grise|bleue|rouge|"),
                            produit("AGF", "30197110", "boîte", 2.3, "20", "boîte de 1000|boîte de 5000*4|",
                                    "Agrafes 24/6|Agrafes 26/6|Agrafes 23/10*1.6|Trombones 32 mm*0.6|"
                                            + "Attaches parisiennes*1.2",
                                    "galvanisées|cuivrées*1.3|",
                                    "qualité supérieure*1.2|"),
                            produit("CLA", "22851000", "unité", 3.2, "20", "lot de 10|carton de 20|à l'unité",
                                    "Classeur à levier|Classeur 4 anneaux|Classeur 2 anneaux*0.8|"
                                            + "Chemise à élastique*0.6|Boîte d'archives*1.1",
                                    "dos 50 mm|dos 80 mm*1.1|dos 30 mm*0.9|",
                                    "carton recouvert|polypropylène*1.2|carton recyclé*0.9",
                                    "A4|A4 maxi*1.2",
                                    "bleu|rouge|vert|noir|jaune|gris|"),
                            produit("ENV", "30199230", "boîte", 14, "20", "boîte de 500|boîte de 250*0.55|paquet de 50*0.15",
                                    "Enveloppe|Enveloppe à fenêtre*1.1|Pochette kraft*1.5",
                                    "C5|C4*1.6|DL 110 x 220|C6*0.8",
                                    "autocollante|à bande protectrice*1.2|gommée*0.9",
                                    "blanche|kraft brun|",
                                    "80 g|90 g*1.1|120 g*1.4"),
                            produit("CAH", "22832000", "unité", 1.6, "20", "lot de 10|à l'unité",
                                    "Cahier|Bloc-notes|Carnet*0.7|Répertoire*1.3",
                                    "A4|A5*0.7|17 x 22|",
                                    "96 pages|192 pages*1.7|48 pages*0.6",
                                    "petits carreaux|grands carreaux Séyès|ligné|",
                                    "couverture polypropylène*1.2|couverture carte|"),
                            produit("NOT", "30192800", "bloc", 0.9, "20", "lot de 12|à l'unité",
                                    "Bloc de notes repositionnables|Marque-pages adhésifs*1.4|Étiquettes adhésives*2",
                                    "76 x 76 mm|38 x 51 mm*0.5|76 x 127 mm*1.4",
                                    "jaune|couleurs néon*1.2|pastel*1.1|"),
                            produit("CIS", "30197000", "unité", 3.4, "20", "à l'unité|lot de 5",
                                    "Ciseaux de bureau|Cutter*0.6|Ruban correcteur*0.8|Colle en bâton*0.5",
                                    "17 cm|21 cm*1.2|25 cm*1.4|",
                                    "lames inox|lames titane*1.5|",
                                    "poignées ergonomiques*1.2|"),
                            produit("TIM", "22410000", "carnet", 12.6, "0", "carnet de 12|",
                                    "Carnet de timbres-poste|Planche de timbres-poste*4",
                                    "lettre verte|lettre prioritaire*1.2|international*1.9"),
                            produit("REV", "22200000", "abonnement", 95, "2.1", "abonnement annuel|",
                                    "Abonnement à la revue « Marchés & Collectivités »|Abonnement à la revue "
                                            + "« Territoires pratiques »*0.8|Abonnement à « La Lettre de l'achat public »*1.3",
                                    "version papier|version numérique*0.7|papier et numérique*1.2")),
                    List.of("Papéo", "Scripta", "Bureaulia", "Verdéo", "Calligraph", "Orléane", "L'Atelier du Bureau",
                            "Clairval")),
            new Rayon(FamilleAchat.INFORMATIQUE_TELECOMS, cpv("30200000"), "Matériel informatique et accessoires",
                    List.of(
                            produit("CAB", "30237000", "unité", 7.5, "20", "à l'unité|lot de 5|",
                                    "Câble USB-C|Câble USB-A vers USB-C|Câble HDMI|Câble DisplayPort*1.3|"
                                            + "Câble réseau RJ45 catégorie 6*0.8",
                                    "0,5 m*0.8|1 m|2 m*1.3|3 m*1.6|5 m*2.2",
                                    "tressé*1.3|blindé*1.2|",
                                    "noir|blanc|gris"),
                            produit("SOU", "30237410", "unité", 12, "20", "à l'unité|carton de 10",
                                    "Souris optique|Souris sans fil*1.5|Souris ergonomique verticale*2.4",
                                    "USB|Bluetooth*1.2|",
                                    "ambidextre|pour droitier|",
                                    "1600 dpi|4000 dpi*1.3|",
                                    "noire|grise|blanche|"),
                            produit("CLV", "30237460", "unité", 22, "20", "à l'unité|carton de 5",
                                    "Clavier filaire|Clavier sans fil*1.4|Clavier compact*0.9",
                                    "AZERTY français|AZERTY avec pavé numérique*1.1",
                                    "touches silencieuses*1.2|rétroéclairé*1.5|",
                                    "noir|blanc|"),
                            produit("ECR", "30231300", "unité", 115, "20", "à l'unité|",
                                    "Écran|Moniteur",
                                    "22 pouces|24 pouces*1.3|27 pouces*1.9|32 pouces*2.8",
                                    "Full HD|QHD*1.4|4K*2",
                                    "dalle IPS*1.1|dalle VA|",
                                    "réglable en hauteur*1.2|"),
                            produit("CLE", "30234600", "unité", 6, "20", "à l'unité|lot de 10",
                                    "Clé USB|Clé USB 3.2*1.3|Carte mémoire microSD*1.1",
                                    "16 Go|32 Go*1.3|64 Go*1.8|128 Go*2.8|256 Go*4.5",
                                    "rétractable|métal*1.2|"),
                            produit("DDE", "30233130", "unité", 55, "20", "à l'unité|",
                                    "Disque dur externe|SSD externe*1.6",
                                    "500 Go*0.7|1 To|2 To*1.5|4 To*2.4",
                                    "USB 3.0|USB-C*1.1",
                                    "2,5 pouces|"),
                            produit("ENC", "30192113", "unité", 18, "20", "à l'unité|pack de 4*3.6",
                                    "Cartouche d'encre|Toner laser*2.5|Pack de cartouches*2.8",
                                    "noire|cyan|magenta|jaune|trois couleurs*1.6",
                                    "haute capacité*1.5|capacité standard|",
                                    "compatible|d'origine*1.4"),
                            produit("CAS", "32342100", "unité", 24, "20", "à l'unité|carton de 10",
                                    "Casque audio|Micro-casque*1.2|Écouteurs intra-auriculaires*0.5",
                                    "USB|jack 3,5 mm*0.8|Bluetooth*1.5",
                                    "stéréo|mono*0.8|",
                                    "avec réduction de bruit*2|"),
                            produit("MUL", "31224810", "unité", 9, "20", "à l'unité|carton de 10",
                                    "Multiprise|Bloc multiprise parafoudre*1.8",
                                    "3 prises|4 prises*1.1|6 prises*1.3|8 prises*1.6",
                                    "avec interrupteur*1.1|avec ports USB*1.4|",
                                    "câble 1,5 m|câble 3 m*1.2|câble 5 m*1.4"),
                            produit("ADA", "30237000", "unité", 19, "20", "à l'unité|",
                                    "Adaptateur USB-C vers HDMI|Station d'accueil USB-C*4|Hub USB 4 ports*0.9|"
                                            + "Adaptateur USB-C vers RJ45",
                                    "compatible 4K*1.2|",
                                    "boîtier aluminium*1.2|"),
                            produit("WEB", "32333200", "unité", 39, "20", "à l'unité|",
                                    "Webcam|Caméra de visioconférence*4",
                                    "HD 720p*0.7|Full HD 1080p|4K*2.5",
                                    "avec micro intégré*1.1|",
                                    "clip universel|"),
                            produit("TEL", "32552100", "unité", 45, "20", "à l'unité|",
                                    "Téléphone fixe|Téléphone IP*2|Téléphone sans fil DECT*1.5",
                                    "avec répondeur*1.2|mains libres|",
                                    "écran couleur*1.3|")),
                    List.of("Numéris", "Connectis", "Axélis", "Kalypso", "Technéa", "Ondéo", "Lumen'IT", "Datavia")),
            new Rayon(FamilleAchat.ENTRETIEN_NETTOYAGE, cpv("39830000"), "Produits d'entretien et d'hygiène",
                    List.of(
                            produit("NET", "39831000", "unité", 4.2, "20", "carton de 6|carton de 12|à l'unité",
                                    "Nettoyant multi-surfaces|Nettoyant vitres|Nettoyant sols|Dégraissant*1.3|"
                                            + "Détartrant sanitaires*1.1",
                                    "écologique*1.1|écolabellisé*1.2|concentré*1.6|prêt à l'emploi|",
                                    "parfum citron|parfum lavande|sans parfum|",
                                    "500 ml*0.35|750 ml*0.45|1 L*0.55|5 L"),
                            produit("VAI", "39831200", "unité", 3.1, "20", "carton de 6|à l'unité",
                                    "Liquide vaisselle|Tablettes lave-vaisselle*2.5|Gel lave-vaisselle*1.8",
                                    "écologique*1.1|sans phosphate|",
                                    "1 L|5 L*4|"),
                            produit("DES", "33631600", "unité", 6.4, "20", "carton de 6|à l'unité",
                                    "Désinfectant|Spray désinfectant*0.9|Lingettes désinfectantes*1.1",
                                    "bactéricide et virucide*1.2|sans rinçage|norme EN 14476*1.3|",
                                    "750 ml|5 L*4|boîte de 100*1.2"),
                            produit("SAC", "19640000", "rouleau", 2.6, "20", "carton de 20 rouleaux|rouleau de 25|",
                                    "Sacs poubelle|Sacs-cabas*1.5|Sacs de collecte sélective*1.2",
                                    "30 L|50 L*1.3|100 L*1.8|130 L*2.2",
                                    "basse densité|haute densité|renforcés*1.3",
                                    "noirs|transparents|jaunes|bleus|"),
                            produit("ESS", "33763000", "colis", 28, "20", "colis de 20 paquets|colis de 6 bobines|",
                                    "Essuie-mains|Bobine d'essuyage*1.3|Mouchoirs en boîte*0.7",
                                    "pliés en Z|enchevêtrés|à dévidage central*1.2|",
                                    "1 pli*0.8|2 plis|3 plis*1.3",
                                    "ouate recyclée|pure ouate*1.2|"),
                            produit("PQT", "33761000", "colis", 18, "20", "colis de 96 rouleaux|colis de 12 rouleaux*0.15",
                                    "Papier toilette|Papier hygiénique",
                                    "rouleau standard|maxi-rouleau*1.5|mini-jumbo*2|",
                                    "2 plis|3 plis*1.3|",
                                    "recyclé|écolabellisé*1.1|"),
                            produit("GAN", "18424300", "boîte", 7.5, "20", "boîte de 100|carton de 10 boîtes*9.5",
                                    "Gants jetables nitrile|Gants jetables vinyle*0.7|Gants latex*0.9|"
                                            + "Gants de ménage réutilisables*0.4",
                                    "taille S|taille M|taille L|taille XL",
                                    "non poudrés|"),
                            produit("SAV", "33711900", "unité", 3.8, "20", "carton de 12|à l'unité",
                                    "Savon liquide|Gel hydroalcoolique*1.4|Crème lavante*1.2",
                                    "pour les mains|doux|hypoallergénique*1.2|",
                                    "300 ml*0.6|500 ml|1 L*1.8|5 L*7",
                                    "flacon pompe*1.1|recharge|"),
                            produit("BAL", "39224100", "unité", 11, "20", "à l'unité|",
                                    "Balai|Balai-brosse|Balai frange*1.4|Raclette sol*0.9",
                                    "fibres synthétiques|microfibre*1.3|",
                                    "manche aluminium*1.2|manche bois|",
                                    "30 cm|40 cm*1.2|60 cm*1.5"),
                            produit("LAV", "39525800", "unité", 2.2, "20", "lot de 10|lot de 50*4.5|à l'unité",
                                    "Lavette microfibre|Serpillière|Éponge grattante*0.5|Frange de lavage*2.5",
                                    "bleue|rouge|jaune|verte",
                                    "40 x 40 cm|",
                                    "lavable à 90 °C*1.2|"),
                            produit("ASP", "39713430", "unité", 160, "20", "à l'unité|",
                                    "Aspirateur|Aspirateur dorsal*1.8|Aspirateur eau et poussière*1.5",
                                    "à sac|sans sac*1.1|",
                                    "800 W|1000 W*1.2|",
                                    "cuve 15 L|cuve 30 L*1.3|")),
                    List.of("Clairnet", "Hygiéna", "Écopur", "Brillance", "Net'Pro", "Aquarel", "Ménagère de l'Est",
                            "Savonnerie d'Arvor")),
            new Rayon(FamilleAchat.DENREES_ALIMENTAIRES, cpv("15800000"), "Denrées alimentaires et boissons des services",
                    List.of(
                            produit("CAF", "15861000", "paquet", 11.5, "5.5", "carton de 6|à l'unité",
                                    "Café moulu|Café en grains|Capsules de café*1.4|Dosettes de café*1.2",
                                    "pur arabica*1.2|arabica et robusta|",
                                    "issu du commerce équitable*1.1|biologique*1.2|",
                                    "250 g*0.3|500 g*0.55|1 kg"),
                            produit("THE", "15863000", "boîte", 3.9, "5.5", "carton de 12|à l'unité",
                                    "Thé vert|Thé noir|Thé Earl Grey|Infusion verveine|Infusion camomille",
                                    "en sachets|en vrac*1.2|",
                                    "biologique*1.2|",
                                    "boîte de 25 sachets|boîte de 100 sachets*3.2|250 g*2"),
                            produit("SUC", "15831000", "paquet", 1.4, "5.5", "carton de 10|à l'unité",
                                    "Sucre en morceaux|Sucre en poudre*0.9|Sucre en bûchettes*2.5|Cassonade*1.3",
                                    "de betterave|de canne*1.3|",
                                    "1 kg|5 kg*4.5|"),
                            produit("BIS", "15821200", "paquet", 2.4, "5.5", "carton de 12|à l'unité",
                                    "Biscuits sablés|Madeleines|Galettes bretonnes|Cookies aux pépites de chocolat|"
                                            + "Gaufrettes",
                                    "pur beurre*1.2|au chocolat*1.1|",
                                    "en emballage individuel*1.3|",
                                    "sachet de 200 g|carton de 120 portions*6"),
                            produit("EAU", "15981000", "bouteille", 0.45, "5.5", "pack de 6|pack de 24*3.8|à l'unité",
                                    "Eau minérale naturelle|Eau de source*0.7|Eau gazeuse*1.2",
                                    "plate|pétillante*1.1|",
                                    "bouteille de 50 cl*0.7|bouteille de 1,5 L|bonbonne de 18,9 L*14"),
                            produit("JUS", "15321000", "bouteille", 1.9, "5.5", "carton de 6|carton de 24*0.3",
                                    "Jus d'orange|Jus de pomme|Nectar d'abricot|Jus multifruits",
                                    "pur jus*1.3|à base de concentré|biologique*1.4|",
                                    "1 L|20 cl*0.3"),
                            produit("LAI", "15511000", "brique", 0.95, "5.5", "pack de 6|carton de 12",
                                    "Lait demi-écrémé|Lait entier*1.1|Lait écrémé|Boisson végétale à l'avoine*1.8",
                                    "UHT|microfiltré*1.2|",
                                    "1 L|brique de 20 cl*0.35"),
                            produit("PAT", "15851100", "paquet", 1.3, "5.5", "carton de 12|à l'unité",
                                    "Pâtes penne|Spaghetti|Coquillettes|Fusilli|Riz long grain|Riz basmati*1.5",
                                    "blé dur|complètes*1.2|biologiques*1.4|",
                                    "500 g|1 kg*1.8|5 kg*8"),
                            produit("HUI", "15411000", "bouteille", 4.5, "5.5", "carton de 6|à l'unité",
                                    "Huile d'olive vierge extra*2|Huile de tournesol|Huile de colza|Vinaigre de vin*0.6",
                                    "biologique*1.3|première pression à froid*1.2|",
                                    "50 cl*0.6|1 L|5 L*4.5"),
                            produit("CHO", "15842100", "unité", 2.2, "5.5", "carton de 20|à l'unité",
                                    "Chocolat en poudre|Tablette de chocolat noir|Tablette de chocolat au lait|"
                                            + "Pâte à tartiner*1.5",
                                    "70 % de cacao*1.2|",
                                    "100 g|1 kg*7"),
                            produit("CON", "15332290", "pot", 2.9, "5.5", "carton de 12|à l'unité",
                                    "Confiture de fraises|Confiture d'abricots|Miel de fleurs*2|Compote de pommes*0.8",
                                    "portions individuelles*1.5|pot de 370 g|seau de 5 kg*10",
                                    "biologique*1.3|"),
                            produit("PLA", "15894200", "unité", 12.5, "10", "à l'unité|",
                                    "Plateau-repas|Coffret déjeuner*1.2|Sandwich*0.35",
                                    "végétarien|du terroir bourguignon*1.3|poisson*1.2|",
                                    "avec dessert*1.1|")),
                    List.of("Les Délices d'Éloïse", "Terroir de Bourgogne", "Maison Lefèvre", "Arabica d'Or",
                            "Saveurs & Cie", "La Fermière de l'Auxois", "Moulin de Cîteaux", "Épicerie Perrin")));

    private final long graine;

    public CatalogueSynthetique(long graine) {
        this.graine = graine;
    }

    public static List<Rayon> rayons() {
        return RAYONS;
    }

    /** The department of consultation {@code n} (from 0): the four in turn. */
    public static Rayon rayon(int n) {
        return RAYONS.get(n % RAYONS.size());
    }

    /** Item {@code rang} (from 0) of contract {@code contrat} (from 0), whose consultation is in {@code rayon}. */
    public Article article(Rayon rayon, int contrat, int rang) {
        SplittableRandom aleas = new SplittableRandom(melange(melange(graine * 31 + contrat) * 31 + rang));
        Produit produit = rayon.produits().get(aleas.nextInt(rayon.produits().size()));
        StringBuilder designation = new StringBuilder(96);
        double prix = produit.prixBase();
        for (List<Choix> emplacement : produit.emplacements()) {
            Choix choix = emplacement.get(aleas.nextInt(emplacement.size()));
            if (!choix.texte().isEmpty()) {
                if (designation.length() > 0) {
                    designation.append(' ');
                }
                designation.append(choix.texte());
            }
            prix *= choix.facteur();
        }
        int marque = aleas.nextInt(rayon.marques().size() * 10 / 7 + 1);
        if (marque < rayon.marques().size()) {
            designation.append(' ').append(rayon.marques().get(marque));
        }
        Choix conditionnement = produit.conditionnements().get(aleas.nextInt(produit.conditionnements().size()));
        prix *= conditionnement.facteur() * (0.8 + 0.4 * aleas.nextDouble());
        int tirage = aleas.nextInt(10);
        int decimales = tirage < 7 ? 2 : tirage < 9 ? 3 : 4;
        BigDecimal prixHt = BigDecimal.valueOf(prix).setScale(decimales, RoundingMode.HALF_UP);
        if (prixHt.signum() <= 0) {
            prixHt = BigDecimal.ONE.movePointLeft(decimales);
        }
        return new Article(reference(produit.code(), contrat, rang), designation.toString(), produit.unite(),
                conditionnement.texte(), prixHt, produit.tva(), produit.cpv());
    }

    static String reference(String code, int contrat, int rang) {
        StringBuilder reference = new StringBuilder(code).append('-');
        zeros(reference, contrat, 3).append('-');
        return zeros(reference, rang, 6).toString();
    }

    private static StringBuilder zeros(StringBuilder sb, int valeur, int chiffres) {
        String texte = Integer.toString(valeur);
        for (int i = texte.length(); i < chiffres; i++) {
            sb.append('0');
        }
        return sb.append(texte);
    }

    /** One CSV record (no line end): cells holding {@code ;}, {@code "} or a line break are quoted. */
    public static String ligneCsv(Article article) {
        StringBuilder ligne = new StringBuilder(160);
        cellule(ligne, article.reference()).append(';');
        cellule(ligne, article.designation()).append(';');
        cellule(ligne, article.unite()).append(';');
        cellule(ligne, article.conditionnement()).append(';');
        ligne.append(article.prixHt().toPlainString().replace('.', ',')).append(';');
        ligne.append(article.tauxTva().stripTrailingZeros().toPlainString().replace('.', ',')).append(';');
        return cellule(ligne, article.cpv()).toString();
    }

    private static StringBuilder cellule(StringBuilder ligne, String texte) {
        if (texte.indexOf(';') < 0 && texte.indexOf('"') < 0 && texte.indexOf('\n') < 0 && texte.indexOf('\r') < 0) {
            return ligne.append(texte);
        }
        return ligne.append('"').append(texte.replace("\"", "\"\"")).append('"');
    }

    /**
     * The price list of contract {@code contrat}: {@code nombre} items as a CSV file (UTF-8 with BOM, {@code ;},
     * CRLF, decimal commas), written as it is read: only the current line is held.
     */
    public InputStream csv(Rayon rayon, int contrat, int nombre) {
        return new InputStream() {
            private int rang = -1;
            private byte[] ligne = new byte[0];
            private int position;

            private boolean remplir() {
                while (position >= ligne.length) {
                    if (rang >= nombre) {
                        return false;
                    }
                    String texte = rang < 0 ? "\uFEFF" + ENTETE : ligneCsv(article(rayon, contrat, rang));
                    ligne = (texte + "\r\n").getBytes(StandardCharsets.UTF_8);
                    position = 0;
                    rang++;
                }
                return true;
            }

            @Override
            public int read() {
                return remplir() ? ligne[position++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                int lus = 0;
                while (lus < len && remplir()) {
                    int n = Math.min(len - lus, ligne.length - position);
                    System.arraycopy(ligne, position, b, off + lus, n);
                    position += n;
                    lus += n;
                }
                return lus == 0 ? -1 : lus;
            }
        };
    }

    // --- what users type ---------------------------------------------------------------------------------------

    /**
     * Words someone looking for an item of {@code rayon} would type: a product's head noun then, for 2 or 3 words, a
     * qualifier or two of that product; in lower case, sometimes without accents.
     */
    public static String requete(Rayon rayon, SplittableRandom aleas, int mots) {
        Produit produit = rayon.produits().get(aleas.nextInt(rayon.produits().size()));
        String nom = produit.noms().get(aleas.nextInt(produit.noms().size())).texte();
        List<String> termes = new ArrayList<>();
        termes.add(nom.split(" ")[0]);
        List<Integer> emplacements = new ArrayList<>();
        for (int i = 1; i < produit.emplacements().size(); i++) {
            emplacements.add(i);
        }
        while (termes.size() < mots && !emplacements.isEmpty()) {
            List<Choix> emplacement = produit.emplacements().get(emplacements.remove(aleas.nextInt(emplacements.size())));
            String texte = emplacement.get(aleas.nextInt(emplacement.size())).texte();
            if (!texte.isEmpty()) {
                termes.add(texte);
            }
        }
        String requete = String.join(" ", termes).toLowerCase(Locale.ROOT);
        return aleas.nextInt(5) == 0 ? sansAccents(requete) : requete;
    }

    /** A word as the catalogue writes it, and as typed with a typo. */
    public record Faute(String mot, String tapee) {
    }

    /** A head noun of 7 letters or more (no digit) with one letter doubled inside it: « agraffeuse ». */
    public static Faute fauteDeFrappe(Rayon rayon, SplittableRandom aleas) {
        List<String> mots = new ArrayList<>();
        for (Produit produit : rayon.produits()) {
            for (Choix nom : produit.noms()) {
                String mot = nom.texte().split(" ")[0].toLowerCase(Locale.ROOT);
                if (mot.length() >= 7 && mot.chars().allMatch(Character::isLetter)) {
                    mots.add(mot);
                }
            }
        }
        String mot = mots.get(aleas.nextInt(mots.size()));
        int position = 2 + aleas.nextInt(mot.length() - 4);
        return new Faute(mot, mot.substring(0, position + 1) + mot.substring(position));
    }

    static String sansAccents(String texte) {
        return Normalizer.normalize(texte, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    // --- definitions --------------------------------------------------------------------------------------------

    /**
     * {@code conditionnements} and each of {@code emplacements}: choices {@code "texte*facteur|…"} (the factor
     * weighs on the base price, 1 when absent); an empty choice leaves the slot out.
     */
    private static Produit produit(String code, String cpv8, String unite, double prixBase, String tva,
            String conditionnements, String... emplacements) {
        List<List<Choix>> listes = new ArrayList<>();
        for (String emplacement : emplacements) {
            listes.add(choix(emplacement));
        }
        return new Produit(code, cpv(cpv8), unite, prixBase, new BigDecimal(tva), choix(conditionnements),
                List.copyOf(listes));
    }

    private static List<Choix> choix(String alternatives) {
        List<Choix> choix = new ArrayList<>();
        for (String alternative : alternatives.split("\\|", -1)) {
            int etoile = alternative.lastIndexOf('*');
            choix.add(etoile < 0 ? new Choix(alternative, 1)
                    : new Choix(alternative.substring(0, etoile), Double.parseDouble(alternative.substring(etoile + 1))));
        }
        return List.copyOf(choix);
    }

    /** The 8 digits with their check digit (weights 3, 7, 1 repeating, modulo 10): {@code 30192000-1}. */
    static String cpv(String huitChiffres) {
        int[] poids = {3, 7, 1, 3, 7, 1, 3, 7};
        int somme = 0;
        for (int i = 0; i < 8; i++) {
            somme += (huitChiffres.charAt(i) - '0') * poids[i];
        }
        return huitChiffres + "-" + (somme % 10);
    }

    /** A 64-bit finaliser (MurmurHash3's): nearby inputs give unrelated outputs. */
    private static long melange(long x) {
        x = (x ^ (x >>> 33)) * 0xff51afd7ed558ccdL;
        x = (x ^ (x >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return x ^ (x >>> 33);
    }
}
