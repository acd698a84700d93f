import { pickSockFields } from '../../domain/sock/sock-fields.js';
import type { SelfMail } from '../../domain/mail/self-mail.js';
import type { Picture } from '../../domain/picture/picture.js';
import type { PlaceSuggestion } from '../../application/ports/geocoder.js';
import type { Page } from '../../domain/shared/page.js';
import type {
  CandidateView,
  MatchView,
  MessageView,
  ProfileView,
  SockView,
} from '../../application/shared/views.js';
import type { z } from 'zod';
import type { Candidate } from './schemas/swiping.js';
import type { Mail } from './schemas/mails.js';
import type { Match } from './schemas/matches.js';
import type { Message } from './schemas/messages.js';
import type { Picture as PictureJson } from './schemas/common.js';
import type { Place } from './schemas/places.js';
import type { Me } from './schemas/users.js';
import type { Sock } from './schemas/socks.js';

/** Turns use-case views into the contract's JSON. Picture URLs are absolute, under `mediaBaseUrl`. */
export class Presenter {
  constructor(private readonly mediaBaseUrl: string) {}

  picture(p: Picture): z.infer<typeof PictureJson> {
    return {
      id: p.id,
      url: `${this.mediaBaseUrl}/${p.key}.webp`,
      thumbnailUrl: `${this.mediaBaseUrl}/${p.key}.thumb.webp`,
      createdAt: p.createdAt.toISOString(),
    };
  }

  me(view: ProfileView): Me {
    const u = view.user;
    return {
      id: u.id,
      username: u.username,
      email: u.email,
      firstName: u.firstName,
      lastName: u.lastName,
      about: u.about,
      birthday: u.birthday,
      age: view.age,
      gender: u.gender,
      city: u.city,
      location: u.location ? { lat: u.location.lat, lon: u.location.lon } : null,
      notifications: u.notifications,
      social: { ...u.social },
      pictures: view.pictures.map((p) => this.picture(p)),
      isAdmin: u.isAdmin,
      createdAt: u.createdAt.toISOString(),
    };
  }

  sock(view: SockView): Sock {
    return { ...this.candidateSock(view), createdAt: view.sock.createdAt.toISOString() };
  }

  candidate(view: CandidateView): z.infer<typeof Candidate> {
    return {
      sock: this.candidateSock(view.sock),
      owner: { ...view.owner },
      score: Math.round(view.score * 10_000) / 10_000,
    };
  }

  match(view: MatchView): Match {
    const o = view.otherUser;
    return {
      id: view.match.id,
      createdAt: view.match.createdAt.toISOString(),
      otherUser: {
        username: o.username,
        firstName: o.firstName,
        age: o.age,
        city: o.city,
        about: o.about,
        social: { ...o.social },
        pictures: o.pictures.map((p) => this.picture(p)),
        distanceKm: o.distanceKm,
      },
      mySock: view.mySock ? this.sock(view.mySock) : null,
      theirSock: view.theirSock ? this.sock(view.theirSock) : null,
      unreadCount: view.unreadCount,
    };
  }

  message(view: MessageView): z.infer<typeof Message> {
    const m = view.message;
    return {
      id: m.id,
      matchId: m.matchId,
      sender: view.senderUsername,
      text: m.text,
      sentAt: m.sentAt.toISOString(),
      seenAt: m.seenAt ? m.seenAt.toISOString() : null,
    };
  }

  mail(m: SelfMail): z.infer<typeof Mail> {
    return {
      id: m.id,
      subject: m.subject,
      content: m.content,
      status: m.status,
      createdAt: m.createdAt.toISOString(),
      sentAt: m.sentAt ? m.sentAt.toISOString() : null,
    };
  }

  place(s: PlaceSuggestion): z.infer<typeof Place> {
    return {
      name: s.name,
      country: s.country,
      ...(s.admin === null ? {} : { admin: s.admin }),
      label: s.label,
      population: s.population,
      latitude: s.location.lat,
      longitude: s.location.lon,
    };
  }

  page<T, J>(page: Page<T>, item: (value: T) => J) {
    return { items: page.items.map(item), page: page.page, pageSize: page.pageSize, total: page.total };
  }

  private candidateSock(view: SockView) {
    return {
      id: view.sock.id,
      ...pickSockFields(view.sock),
      pictures: view.pictures.map((p) => this.picture(p)),
    };
  }
}
