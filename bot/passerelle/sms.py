"""SMS dans les deux sens, par un webhook compatible Twilio : ``POST /sms/twilio``.

- ``X-Twilio-Signature`` vérifiée avec ``TWILIO_AUTH_TOKEN`` (403 sinon) ; l'URL publique vient de
  ``PUBLIC_BASE_URL``, sinon des en-têtes ``X-Forwarded-Proto`` / ``X-Forwarded-Host`` du mandataire ;
- un ``MessageSid`` déjà vu est refusé (409) : pas de rejeu ;
- la réponse est du TwiML ; les boutons deviennent des choix numérotés (« Repondez 1 pour Oui,
  2 pour Non. ») et un chiffre renvoie le payload proposé ;
- textes en GSM-7, au plus 3 SMS ; la suite s'obtient avec SUITE ;
- STOP / ARRET : désabonne et efface ; ANNULER <code> : annule un rendez-vous.
"""

from __future__ import annotations

import logging
import re

from fastapi import APIRouter, Request, Response
from twilio.request_validator import RequestValidator
from twilio.twiml.messaging_response import MessagingResponse

from bot.passerelle import formatage, rdv_lien, textes
from bot.passerelle.memoire import MemoireExpirante
from bot.passerelle.relais import INDISPONIBLE, Offre, Relais

log = logging.getLogger("passerelle.sms")

MOTS_STOP = {"STOP", "ARRET", "ARRÊT", "STOPALL", "UNSUBSCRIBE", "DESABONNER", "DÉSABONNER"}
MOTS_SUITE = {"SUITE", "LA SUITE", "+"}
_FORME_CODE = re.compile(r"^[A-Z0-9]{3}[\s\-_.]?[A-Z0-9]{3}$")
_ANNULER = re.compile(r"^\s*annuler\b\s*(.*)$", re.IGNORECASE | re.DOTALL)
_CHIFFRE = re.compile(r"^\s*(\d)\s*[.)]?\s*$")
# en tête d'une suite en attente : ses parties portent déjà les choix (trop longs pour tenir seuls)
_CHOIX_INCLUS = "\x00choix"
_NOMBRE_SEUL = re.compile(r"^\s*\d+\s*[.)]?\s*$")


def _gsm7():
    """Les fonctions de ``rdv.sms.gsm7`` (équipe rdv) si présentes ; sinon notre repli."""
    try:
        from rdv.sms import gsm7 as leur  # type: ignore

        return leur.to_gsm7, leur.segments
    except Exception:
        from bot.passerelle import gsm7 as repli

        return repli.vers_gsm7, repli.segments


def url_publique(request: Request, base_publique: str) -> str:
    """L'URL que Twilio a signée : celle vue du dehors, pas celle vue derrière le mandataire."""
    chemin = request.url.path
    requete = request.url.query
    if base_publique:
        url = base_publique.rstrip("/") + chemin
    else:
        proto = (request.headers.get("x-forwarded-proto") or request.url.scheme).split(",")[0].strip()
        hote = (request.headers.get("x-forwarded-host") or request.headers.get("host") or request.url.netloc)
        hote = hote.split(",")[0].strip()
        url = f"{proto}://{hote}{chemin}"
    return f"{url}?{requete}" if requete else url


_LETTRE = re.compile(r"^\s*([A-Za-z])\s*[.)]?\s*$")
_REPONSE_NOMBRE = re.compile(r'"(?:min|max)"\s*:|"valeur"\s*:\s*-?\d')


def offre_de_nombres(offre: Offre | None) -> bool:
    """Les boutons d'une question à nombre (âge, enfants, mois, argent…) : par SMS, on les choisit par une
    LETTRE, car un chiffre tapé est la réponse elle-même (« 2 » enfants, « 2 » mois), jamais un bouton."""
    return bool(offre and any(_REPONSE_NOMBRE.search(b["payload"]) for b in offre.boutons))


_ECRITURE_ARABE = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")

# chiffres arabes orientaux (arabe ٠-٩, persan et pachto ۰-۹) : un téléphone réglé en arabe les tape
_CHIFFRES = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def choix_lu(offre: Offre | None, texte: str) -> int | None:
    """Le bouton choisi par un SMS : un chiffre (« 2 », « ٢ »), ou une lettre (« B ») pour une question à nombre."""
    if not offre:
        return None
    texte = texte.translate(_CHIFFRES)
    if offre_de_nombres(offre):
        m = _LETTRE.match(texte)
        n = ord(m.group(1).upper()) - ord("A") if m else -1
    else:
        m = _CHIFFRE.match(texte)
        n = int(m.group(1)) - 1 if m else -1
    return n if 0 <= n < len(offre.boutons) else None


def ligne_choix(offre: Offre | None, vers_gsm7, langue: str = "fr") -> str:
    """« Repondez 1 pour Oui, 2 pour Non. » ; au-delà de 3 choix ou pour de longs libellés, une
    ligne par choix (« 1 Oui, un rendez-vous ») : plus court et plus lisible sur un petit écran.
    Question à nombre : des lettres (« A Rien, B Moins de 300 € »), et le nombre peut s'écrire."""
    if not offre or not offre.boutons:
        return ""
    titres = [vers_gsm7(b["title"]).rstrip(" ?.") for b in offre.boutons]
    if offre_de_nombres(offre):
        lettres = ", ".join(f"{chr(ord('A') + i)} {t}" for i, t in enumerate(titres))
        return f"{vers_gsm7(textes.texte('sms_choix_nombre', langue))} {lettres}."
    numeros = vers_gsm7(textes.texte("sms_choix_numeros", langue))
    if any(len(t) > 20 for t in titres):
        return numeros + "\n" + "\n".join(f"{i} {t}" for i, t in enumerate(titres, start=1))
    if len(titres) > 3:
        return numeros + " " + ", ".join(f"{i} {t}" for i, t in enumerate(titres, start=1)) + "."
    parties = [vers_gsm7(textes.texte("sms_choix_pour", langue, numero=i, titre=t)) for i, t in enumerate(titres, start=1)]
    if len(parties) == 1:
        corps = parties[0]
    else:
        corps = ", ".join(parties[:-1]) + f" {vers_gsm7(textes.texte('sms_choix_ou', langue))} " + parties[-1]
    return f"{vers_gsm7(textes.texte('sms_choix_intro', langue))} {corps}."


def ecriture_gsm7(langue: str) -> bool:
    """Un SMS en français, anglais ou roumain part en GSM-7 (160 caractères, lettres sans diacritiques) ; en
    arabe, dari ou pachto, en UCS-2 (70 caractères par segment, 67 en SMS concaténé)."""
    import langues

    return not langues.est_rtl(langue)


class CanalSms:
    def __init__(self, relais: Relais, auth_token: str, public_base_url: str = "", segments_max: int = 3,
                 rdv=None):
        self.relais = relais
        self.validateur = RequestValidator(auth_token) if auth_token else None
        self.public_base_url = public_base_url
        self.segments_max = segments_max
        self.vus: MemoireExpirante[str, bool] = MemoireExpirante(48 * 3600.0, taille_max=500_000)
        self.suites: MemoireExpirante[str, list[str]] = MemoireExpirante(3600.0)
        if getattr(relais, "redis", None) is not None:  # anti-rejeu et suites partagés (REDIS_URL)
            from bot.passerelle.etat_partage import RedisExpirante

            self.vus = RedisExpirante(relais.redis, "sms:vus", 48 * 3600.0)
            self.suites = RedisExpirante(relais.redis, "sms:suites", 3600.0)
        self.vers_gsm7, self.segments = _gsm7()
        self.rdv = rdv

    def premiere_fois(self, sid: str) -> bool:
        """Vrai la première fois qu'un MessageSid est vu (atomique avec Redis : SET NX)."""
        redis = getattr(self.relais, "redis", None)
        if redis is not None:
            return bool(redis.set(f"passerelle:sms:sid:{sid}", "1", nx=True, ex=48 * 3600))
        if self.vus.lire(sid):
            return False
        self.vus.mettre(sid, True)
        return True

    # -- mise en page ---------------------------------------------------------------------
    def _capacite(self, gsm7: bool = True) -> int:
        if not gsm7:
            return 70 if self.segments_max <= 1 else 67 * self.segments_max
        return 160 if self.segments_max <= 1 else 153 * self.segments_max

    def composer(self, pseudo: str, corps: str, offre: Offre | None, langue: str = "fr",
                 choix_inclus: bool = False) -> str:
        """Texte d'au plus ``segments_max`` SMS (GSM-7, ou UCS-2 pour une écriture arabe) ; le reste attend
        « SUITE ». Les choix (« Repondez 1 pour… ») vont avec la dernière partie, celle de la question : une
        personne ne répond jamais à une question qu'elle n'a pas encore lue. Des choix trop longs pour tenir
        seuls (les créneaux d'un rendez-vous en écriture arabe : 67 caractères par SMS) sont coupés entre
        deux lignes, le reste attend « SUITE » (``choix_inclus`` : le texte les porte déjà)."""
        titres = " ".join(b["title"] for b in (offre.boutons if offre else []))
        gsm7 = ecriture_gsm7(langue) and not _ECRITURE_ARABE.search(corps + titres)
        ecrire = self.vers_gsm7 if gsm7 else (lambda t: t)
        choix = "" if choix_inclus else ligne_choix(offre, ecrire, langue)
        corps = ecrire(corps)
        suite = ecrire(textes.texte("sms_suite", langue))
        complet = (corps + ("\n" + choix if choix else "")).strip()
        if self.segments(complet) <= self.segments_max:
            self.suites.retirer(pseudo)
            return complet
        budget = self._capacite(gsm7) - len(suite) - 4
        while budget > 20:
            morceaux = formatage.decouper(corps, budget)
            if not morceaux:
                break  # plus de texte : seuls les choix restent, et ils ne tiennent pas
            # après une ligne de choix, « SUITE » va à la ligne : il ne se lit pas comme un libellé
            texte = (morceaux[0] + ("\n" + suite.strip() if choix_inclus else suite)).strip()
            if self.segments(texte) <= self.segments_max:
                # le reste attend « SUITE » ; si tout le texte est parti, les choix seuls attendent (ils ne
                # tenaient pas avec lui)
                if choix_inclus and len(morceaux) == 1:
                    self.suites.retirer(pseudo)
                    return morceaux[0]
                self.suites.mettre(pseudo, [_CHOIX_INCLUS, *morceaux[1:]] if choix_inclus else morceaux[1:] or [""])
                return texte
            budget -= 10 if gsm7 else 5
        if choix and not choix_inclus:
            return self.composer(pseudo, complet, offre, langue, choix_inclus=True)
        return corps[: self._capacite(gsm7)]

    def _texte(self, cle: str, langue: str, **valeurs) -> str:
        t = textes.texte(cle, langue, **valeurs)
        return self.vers_gsm7(t) if ecriture_gsm7(langue) else t

    def suite(self, pseudo: str, offre: Offre | None, langue: str = "fr") -> str:
        reste = self.suites.retirer(pseudo)
        if reste is None or (not reste and not offre):
            return self._texte("sms_pas_de_suite", langue)
        if reste and reste[0] == _CHOIX_INCLUS:
            return self.composer(pseudo, "\n".join(reste[1:]), offre, langue, choix_inclus=True)
        return self.composer(pseudo, "\n".join(reste), offre, langue)

    # -- traitement -----------------------------------------------------------------------
    async def traiter(self, telephone: str, corps: str) -> str:
        propre = (corps or "").strip()
        majuscule = propre.upper()
        if majuscule in MOTS_STOP:
            langue = self.relais.langue(self.relais.pseudonyme("sms", telephone)) or "fr"
            pseudo = await self.relais.effacer("sms", telephone)
            self.suites.retirer(pseudo)
            await rdv_lien.supprimer(self.rdv, telephone=telephone, pseudonyme=pseudo)
            log.info("SMS STOP : %s désabonné et effacé", pseudo)
            return self._texte("sms_stop", langue)

        pseudo = self.relais.pseudonyme("sms", telephone)
        langue = self.relais.langue(pseudo) or "fr"
        confirme = await rdv_lien.confirmer_par_sms(self.rdv, telephone, propre)
        if confirme:
            return self._texte("sms_numero_confirme", langue)
        m = _ANNULER.match(propre)
        if m:
            if not self.relais.debit.autoriser(pseudo):
                return self._texte("trop_rapide", langue)
            code = m.group(1).strip().upper()
            if code and _FORME_CODE.match(code):
                texte = await rdv_lien.annuler_par_sms(self.rdv, code, telephone=telephone)
                if texte is not None:
                    return self.vers_gsm7(texte)
            # « ANNULER » seul (le bot connaît peut-être déjà le code), « annuler mon rdv », ou un code
            # pris sans ce numéro : la conversation s'en occupe (code, rendez-vous, confirmation).

        if majuscule in MOTS_SUITE:
            # « SUITE » sans suite en attente : la passerelle le dit et garde les choix (jamais lu par Rasa,
            # qui pourrait le prendre pour un « au revoir » dans une autre langue)
            offre = self.relais.offres.lire(pseudo)
            if self.suites.lire(pseudo):
                return self.suite(pseudo, offre, langue)
            return self.composer(pseudo, textes.texte("sms_pas_de_suite", langue), offre, langue)

        offre = self.relais.offres.lire(pseudo)
        choix = choix_lu(offre, propre)
        nombre_seul = _NOMBRE_SEUL.match(propre.translate(_CHIFFRES))
        if self.suites.lire(pseudo) is not None and (choix is not None or nombre_seul):
            # La partie qui porte la question attend encore « SUITE » : « 1 » (ou « 34 ») ne répond pas à une
            # question que la personne n'a pas lue. Elle reçoit cette partie, avec ses choix ; rien n'est
            # enregistré (trouvé à la main : « ١ » après le consentement en arabe répondait « oui, à Paris »).
            return self.suite(pseudo, offre, langue)
        if choix is not None:
            reponse = await self.relais.envoyer("sms", telephone, choix=choix)
        else:
            reponse = await self.relais.envoyer("sms", telephone, corps)
        if reponse.statut == INDISPONIBLE:
            log.warning("SMS : Rasa indisponible pour %s", reponse.pseudonyme)
        corps_reponse = "\n".join(formatage.textes_des_messages(reponse.messages))
        return self.composer(reponse.pseudonyme, corps_reponse, reponse.offre if reponse.ok else None, reponse.langue)


def twiml(texte: str | None) -> Response:
    reponse = MessagingResponse()
    if texte:
        reponse.message(texte)
    return Response(str(reponse), media_type="application/xml")


def routeur() -> APIRouter:
    r = APIRouter()

    @r.post("/sms/twilio", tags=["canaux"], summary="Webhook SMS compatible Twilio (signature obligatoire)",
            responses={403: {"description": "Signature absente ou fausse"},
                       409: {"description": "MessageSid déjà traité (rejeu)"}})
    async def sms_twilio(request: Request) -> Response:
        canal: CanalSms = request.app.state.passerelle.sms
        if canal.validateur is None:
            return Response("SMS désactivé : TWILIO_AUTH_TOKEN absent.", status_code=403)
        formulaire = await request.form()
        parametres = {cle: valeur for cle, valeur in formulaire.multi_items() if isinstance(valeur, str)}
        signature = request.headers.get("x-twilio-signature", "")
        url = url_publique(request, canal.public_base_url)
        if not signature or not canal.validateur.validate(url, parametres, signature):
            log.warning("SMS refusé : signature Twilio absente ou fausse")
            return Response("Signature invalide.", status_code=403)
        sid = parametres.get("MessageSid") or parametres.get("SmsSid") or ""
        if not sid:
            return Response("MessageSid manquant.", status_code=400)
        if not canal.premiere_fois(sid):
            log.warning("SMS refusé : MessageSid rejoué")
            return Response("MessageSid déjà traité.", status_code=409)
        telephone = parametres.get("From", "").strip()
        if not telephone:
            return Response("From manquant.", status_code=400)
        texte = await canal.traiter(telephone, parametres.get("Body", ""))
        return twiml(texte)

    return r
